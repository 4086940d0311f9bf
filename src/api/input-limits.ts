/**
 * Bounds every argument a client sends, generically: the lists and strings written in the document and those
 * in the variables, whatever field they go to. Checked before execution, so an oversized input costs no query.
 */
import type { Plugin } from 'graphql-yoga';
import { visit, type DocumentNode } from 'graphql';
import { readPositiveInteger } from '../config.js';
import { coded } from './client-errors.js';

export interface InputLimits {
  /** Most items in one list argument or list variable. Default 100 (env CSTO_MAX_LIST_LENGTH). */
  maxListLength: number;
  /** Most characters in one string argument or string variable. Default 1000 (env CSTO_MAX_STRING_LENGTH). */
  maxStringLength: number;
}

export function readInputLimits(env: NodeJS.ProcessEnv = process.env): InputLimits {
  return {
    maxListLength: readPositiveInteger(env, 'CSTO_MAX_LIST_LENGTH', 100),
    maxStringLength: readPositiveInteger(env, 'CSTO_MAX_STRING_LENGTH', 1000),
  };
}

function tooLong(what: string, length: number, max: number, unit: string) {
  return coded(`${what} has ${length} ${unit}; at most ${max} are allowed.`, 'BAD_USER_INPUT', undefined, { limit: max });
}

/** Throws BAD_USER_INPUT for the first list or string literal in an argument of the document that is too long. */
export function checkDocument(document: DocumentNode, limits: InputLimits): void {
  let argument = '';
  visit(document, {
    Argument: { enter: (node) => void (argument = node.name.value) },
    ObjectField: { enter: (node) => void (argument ||= node.name.value) },
    ListValue(node) {
      if (node.values.length > limits.maxListLength) throw tooLong(`The list given to '${argument}'`, node.values.length, limits.maxListLength, 'items');
    },
    StringValue(node) {
      if (node.value.length > limits.maxStringLength) throw tooLong(`The string given to '${argument}'`, node.value.length, limits.maxStringLength, 'characters');
    },
    // Default values of variables are client input too; directive arguments are walked like field arguments.
    VariableDefinition: { enter: (node) => void (argument = `$${node.variable.name.value}`) },
  });
}

/** Throws BAD_USER_INPUT for the first list or string in the variables that is too long, at any depth. */
export function checkVariables(variables: unknown, limits: InputLimits, name = ''): void {
  if (typeof variables === 'string') {
    if (variables.length > limits.maxStringLength) throw tooLong(`Variable "$${name}"`, variables.length, limits.maxStringLength, 'characters');
  } else if (Array.isArray(variables)) {
    if (variables.length > limits.maxListLength) throw tooLong(`Variable "$${name}"`, variables.length, limits.maxListLength, 'items');
    for (const item of variables) checkVariables(item, limits, name);
  } else if (variables !== null && typeof variables === 'object') {
    const entries = Object.entries(variables);
    // An object with more keys than a list may have items is as costly to coerce as that list.
    if (entries.length > limits.maxListLength) throw tooLong(`Variable "$${name}"`, entries.length, limits.maxListLength, 'fields');
    for (const [key, value] of entries) checkVariables(value, limits, name || key);
  }
}

export function useInputLimits(limits: InputLimits = readInputLimits()): Plugin {
  return {
    onExecute({ args }) {
      checkDocument(args.document, limits);
      if (args.variableValues) checkVariables(args.variableValues, limits);
    },
  };
}
