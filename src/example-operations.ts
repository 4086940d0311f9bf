/** The operations GraphiQL opens as tabs; the end-to-end test runs every one of them over HTTP. */

export interface ExampleOperation {
  /** What the analyst asks. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const exampleOperations: ExampleOperation[] = [
  {
    title: 'Server check',
    query: '# The server answers.\nquery ServerCheck {\n  __typename\n}\n',
  },
];
