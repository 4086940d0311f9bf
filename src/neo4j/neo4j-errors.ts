/** The managed Neo4j's two failures that the commands report in one line, without a stack. */

/** Java, javac or Maven is missing: the message is one line naming the alternatives. */
export class Neo4jPrerequisiteError extends Error {
  override name = 'Neo4jPrerequisiteError';
}

/** Neo4j could not be fetched or started; the message says why, with the launcher's last output lines. */
export class Neo4jStartError extends Error {
  override name = 'Neo4jStartError';
}
