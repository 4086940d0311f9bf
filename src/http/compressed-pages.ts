/** Compresses and validates (ETag) the pages and scripts the server renders: GraphiQL is 9 MB, the explorer 1 MB. */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** The content types worth compressing: pages, scripts, styles, exports. JSON API answers are small and left alone. */
const compressible = /^(text\/html|text\/css|text\/javascript|application\/javascript|application\/graphml\+xml)/;

interface Encoded {
  etag: string;
  identity: Uint8Array;
  gzip?: Promise<Uint8Array>;
  br?: Promise<Uint8Array>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Each encoding is made once, off the event loop, when first asked for. Brotli quality 5: 4% larger than 9 on GraphiQL, in under a third of the time. */
function encode(encoded: Encoded, encoding: 'br' | 'gzip'): Promise<Uint8Array> {
  if (encoding === 'gzip') return (encoded.gzip ??= gzipAsync(encoded.identity, { level: 6 }));
  return (encoded.br ??= brotliAsync(encoded.identity, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: encoded.identity.length },
  }));
}

/** Pick the best encoding the client accepts (brotli, then gzip), or none. */
export function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | 'identity' {
  const accepted = (acceptEncoding ?? '').toLowerCase().split(',').map((part) => part.trim().split(';')[0]);
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
}

/**
 * A Yoga plugin: GET responses of a compressible type get an ETag, `Cache-Control: no-cache` (the browser keeps the
 * copy and revalidates it, so a reload costs a 304) and brotli or gzip. Encodings are computed once per distinct body, on demand.
 */
export function useCompressedPages(): Plugin {
  // Bodies are few and fixed (GraphiQL, the explorer's page and bundle), so the cache stays small; exports are not cached.
  const cache = new Map<string, Encoded>();
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (request.method !== 'GET' || response.status !== 200 || !compressible.test(type) || response.headers.has('content-encoding')) return;
      const identity = new Uint8Array(await response.arrayBuffer());
      const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
      let encoded = cache.get(etag);
      if (!encoded) {
        encoded = { etag, identity };
        if (!response.headers.has('content-disposition')) cache.set(etag, encoded);
      }
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('etag', etag);
      headers.set('cache-control', 'no-cache');
      headers.append('vary', 'accept-encoding');
      if (request.headers.get('if-none-match') === etag) {
        headers.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      const body = encoding === 'identity' ? encoded.identity : await encode(encoded, encoding);
      if (encoding !== 'identity') headers.set('content-encoding', encoding);
      headers.set('content-length', String(body.byteLength));
      setResponse(new fetchAPI.Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers }));
    },
  };
}
