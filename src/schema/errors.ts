/** Errors a client is meant to see: each is a GraphQLError with a code in `extensions.code`. */
import { GraphQLError } from 'graphql';

/** The argument an error concerns goes in `extensions.argument`, so that a client can point at its input. */
function clientError(code: string, message: string, argument?: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(argument ? { argument } : {}), ...extensions } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return clientError('BAD_USER_INPUT', message, argument);
}

/** `nearest`, when given, lists the global ids of the things nearest to what was asked for, for a client to offer. */
export function notFound(message: string, argument?: string, nearest?: string[]): GraphQLError {
  return clientError('NOT_FOUND', message, argument, nearest ? { nearest } : {});
}
