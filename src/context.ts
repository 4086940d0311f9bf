/** What every resolver gets: the database chokepoint, nothing else. */
import type { GraphDatabase } from './database/graph-database.js';

export interface Context {
  db: GraphDatabase;
}
