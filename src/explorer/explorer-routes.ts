/**
 * The explorer's routes: the page at /explore, its script bundled from TypeScript by esbuild on first request, and
 * /export/graph.graphml and /export/graph.cyjs, which run the explorer's own GraphQL query through the Yoga instance.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin, YogaServer } from 'graphql-yoga';
import { toGraphML } from './graphml.js';
import { toCytoscape } from './recipes.js';
import { neighbourhoodQuery, type Subgraph } from './subgraph.js';

const pageDirectory = fileURLToPath(new URL('./page/', import.meta.url));

/** Bundles the page's script (TypeScript, Cytoscape.js and its layout) into one minified file. */
export async function bundleExplorer(): Promise<string> {
  // Loaded only when the page is first asked for: an API that serves no explorer never pays for it.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [`${pageDirectory}main.ts`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** An error of the page's routes; one about a URL parameter names it in `extensions.argument`, as the API's errors do. */
const jsonError = (status: number, code: string, message: string, argument?: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code, ...(argument ? { argument } : {}) } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/** Parses an optional whole-number query parameter; undefined when absent, an error Response when not a whole number. */
function wholeNumber(url: URL, name: string): number | undefined | Response {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,4}$/.test(raw)) return jsonError(400, 'BAD_USER_INPUT', `'${name}' must be a whole number; got '${raw}'.`, name);
  return Number(raw);
}

/** The neighbourhood query's arguments as the export's URL names them. */
const parameterOf: Record<string, string> = { id: 'centre', depth: 'depth', limit: 'limit' };

type AnswerError = { message: string; extensions?: { code?: string; argument?: string } };

/** An error of the in-process query as the URL's error: about the URL's parameter, without the query's locations and path. */
function asExportError({ message, extensions = {} }: AnswerError): AnswerError {
  const parameter = extensions.argument && parameterOf[extensions.argument];
  if (!parameter) return { message, extensions };
  const named = message.startsWith(`${extensions.argument}:`) || message.startsWith(`${extensions.argument} `);
  return { message: named ? `${parameter}${message.slice(extensions.argument!.length)}` : message, extensions: { ...extensions, argument: parameter } };
}

/** Runs the neighbourhood query in-process through Yoga, so the export gets exactly what the API answers. */
async function exportResponse(yoga: YogaServer<Record<string, unknown>, Record<string, unknown>>, serverContext: Record<string, unknown>, url: URL, format: 'graphml' | 'cyjs'): Promise<Response> {
  const centre = url.searchParams.get('centre');
  if (!centre) return jsonError(400, 'BAD_USER_INPUT', "'centre' is required: a slug or a global id, e.g. centre=kyrgyzstan.", 'centre');
  const depth = wholeNumber(url, 'depth');
  if (depth instanceof Response) return depth;
  const limit = wholeNumber(url, 'limit');
  if (limit instanceof Response) return limit;
  const request = new yoga.fetchAPI.Request(new URL('/graphql', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: neighbourhoodQuery, variables: { id: centre, depth, limit } }),
  });
  const answer = await yoga.handle(request, serverContext as Parameters<typeof yoga.handle>[1]);
  const body = (await answer.json()) as { data?: { neighbourhood: Subgraph } | null; errors?: AnswerError[] };
  if (body.errors?.length || !body.data) {
    const code = body.errors?.[0]?.extensions?.code;
    return new Response(JSON.stringify({ errors: body.errors?.map(asExportError) }), {
      status: code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' ? 400 : answer.status >= 400 ? answer.status : 500,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  const subgraph = body.data.neighbourhood;
  const name = `${centre.replace(/[^A-Za-z0-9_-]+/g, '_')}-depth-${depth ?? 1}`;
  const headers = (type: string, extension: string) => ({
    'content-type': type,
    'content-disposition': `attachment; filename="${name}.${extension}"`,
    'x-truncated': String(subgraph.truncated ?? false),
  });
  if (format === 'graphml') return new Response(toGraphML(subgraph), { headers: headers('application/graphml+xml; charset=utf-8', 'graphml') });
  return new Response(JSON.stringify({ elements: toCytoscape(subgraph) }), { headers: headers('application/json; charset=utf-8', 'cyjs') });
}

/** A Yoga plugin serving the explorer and the export routes; everything else passes through. */
export function useExplorer(): Plugin {
  let yoga: YogaServer<Record<string, unknown>, Record<string, unknown>> | undefined;
  let bundle: Promise<string> | undefined;
  // Read once: the page is small and fixed.
  const html = readFileSync(`${pageDirectory}index.html`, 'utf8');
  return {
    onYogaInit({ yoga: instance }) {
      yoga = instance as unknown as typeof yoga;
    },
    async onRequest({ request, url, endResponse, serverContext }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/explore' || url.pathname === '/explore/') {
        endResponse(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
      } else if (url.pathname === '/explore/app.js') {
        bundle ??= bundleExplorer();
        try {
          endResponse(new Response(await bundle, { headers: { 'content-type': 'text/javascript; charset=utf-8' } }));
        } catch (error) {
          bundle = undefined;
          endResponse(jsonError(503, 'SERVICE_UNAVAILABLE', (error as Error).message));
        }
      } else if (url.pathname === '/export/graph.graphml' || url.pathname === '/export/graph.cyjs') {
        endResponse(await exportResponse(yoga!, serverContext as Record<string, unknown>, url, url.pathname.endsWith('.graphml') ? 'graphml' : 'cyjs'));
      }
    },
  };
}
