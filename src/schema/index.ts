/** Registers every domain with the builder and builds the schema. */
import { builder } from '../builder.js';
import { describeCosts } from '../planner/describe-cost.js';
import './scalars.js';
import './provenance.js';
import './things.js';
import './events.js';
import './memberships.js';
import './statements.js';
import './graph.js';
import './facts.js';

export const schema = describeCosts(builder.toSchema());
