/**
 * Which operation of a document to run, said plainly when the request does not settle it: Yoga answers both a
 * document of several operations without `operationName` and an `operationName` the document lacks with "Could
 * not determine what operation to execute.", which names neither the operations nor what to send. A mutation is
 * refused here too, before execution: the API only reads.
 */
import { type DocumentNode, getOperationAST, GraphQLError, Kind, OperationTypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { coded } from './client-errors.js';

/** The error for a document whose operation the request does not choose, or chooses a mutation; undefined when it chooses a query or subscription. */
export function operationChoiceError(document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  // graphql-js refuses a mutation only once execution starts, answering `data: null` as if it had run.
  if (operation?.operation === OperationTypeNode.MUTATION) {
    const message = 'This API is read-only: its schema has no mutations. The graph is written by loading Cypher files (npm run load).';
    return coded(message, 'GRAPHQL_VALIDATION_FAILED', new GraphQLError(message, { nodes: operation }));
  }
  if (operation) return undefined;
  const names = document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? '(unnamed)'] : []));
  const listed = names.map((name) => (name === '(unnamed)' ? name : `'${name}'`)).join(', ');
  const message = !names.length
    ? 'The document has no operation to run (only fragments).'
    : operationName
      ? `The document has no operation named '${operationName}'; its operations: ${listed}.`
      : `The document has ${names.length} operations (${listed}); ${names.includes('(unnamed)') ? 'name each (query Name { … }) and ' : ''}say which to run with operationName.`;
  return coded(message, 'OPERATION_RESOLUTION_FAILURE', undefined, { http: { status: 400 } });
}

export function useOperationChoice(): Plugin {
  return {
    onParse() {
      return ({ result, context }) => {
        if (!result || !('kind' in result) || result.kind !== Kind.DOCUMENT) return;
        const error = operationChoiceError(result, (context as { params?: { operationName?: string | null } }).params?.operationName);
        if (error) throw error;
      };
    },
  };
}
