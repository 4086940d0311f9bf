/** Registers every domain with the builder and builds the schema. */
import { builder } from '../builder.js';
import './scalars.js';
import './provenance.js';
import './things.js';
import './events.js';
import './memberships.js';
import './statements.js';
import './graph.js';

export const schema = builder.toSchema();
