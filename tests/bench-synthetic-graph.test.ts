import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleAnchors, buildCluster, defaultSeed, syntheticClusters } from '../src/bench/synthetic-graph.js';

/** A digest of every row of a scale, streamed, so two runs can be compared without keeping both. */
function digest(scale: number, seed?: number): string {
  const hash = createHash('sha256');
  for (const cluster of syntheticClusters({ scale, seed })) {
    for (const node of cluster.nodes) hash.update(JSON.stringify(node));
    for (const rel of cluster.relationships) hash.update(JSON.stringify(rel));
  }
  return hash.digest('hex');
}

const entityLabels = new Set(['State', 'Person', 'Organization', 'Place']);

describe('synthetic graph generator', () => {
  it('is deterministic: the same seed gives identical rows, another seed other rows', () => {
    expect(digest(50)).toBe(digest(50));
    expect(digest(50, defaultSeed + 1)).not.toBe(digest(50));
  });

  it('nests scales: cluster c is the same whichever scale or first cluster it is built for', () => {
    const fromSmall = [...syntheticClusters({ scale: 10 })][4];
    const fromLarge = [...syntheticClusters({ scale: 20, firstCluster: 5 })][0];
    expect(fromSmall?.index).toBe(5);
    expect(JSON.stringify(fromLarge)).toBe(JSON.stringify(fromSmall));
    expect(JSON.stringify(buildCluster(defaultSeed, 5))).toBe(JSON.stringify(fromSmall));
  });

  it('gives x1 no synthetic data', () => {
    expect([...syntheticClusters({ scale: 1 })]).toHaveLength(0);
  });

  it('x1000 is large enough, with unique ids, real quotes, resolvable ends and search keys', { timeout: 120_000 }, () => {
    const ids = new Set<string>();
    const anchors = new Set<string>([articleAnchors.alliance.id, ...articleAnchors.states.map((state) => state.id)]);
    let entities = 0;
    let duplicates = 0;
    let relationships = 0;
    let badQuotes = 0;
    let danglingEnds = 0;
    let badKeys = 0;
    const texts = new Map<string, string>();
    const pending: { from: string; to: string }[] = [];
    for (const cluster of syntheticClusters({ scale: 1000 })) {
      for (const node of cluster.nodes) {
        if (ids.has(node.properties.id)) duplicates++;
        ids.add(node.properties.id);
        if (entityLabels.has(node.label)) entities++;
        if (node.label === 'Source') texts.set(node.properties.id, node.properties.text as string);
        const keys = node.properties.searchKeys as string[] | null | undefined;
        if (keys?.some((key) => key !== key.toLowerCase() || /[\u0300-\u036f]/.test(key.normalize('NFD')))) badKeys++;
      }
      for (const rel of cluster.relationships) {
        relationships++;
        const p = rel.properties as Record<string, any>;
        // A SOURCED_FROM has one quote, its target the source; a fact relationship keeps its evidence in lists.
        const items: { sourceId: string; quote: string; start: number; end: number }[] =
          rel.type === 'SOURCED_FROM'
            ? [{ sourceId: rel.to.id, quote: p.quote, start: p.quoteStart, end: p.quoteEnd }]
            : (p.quotes as string[]).map((quote, i) => ({ sourceId: p.sourceIds[i], quote, start: p.quoteStarts[i], end: p.quoteEnds[i] }));
        if (items.length === 0 || items.some(({ sourceId, quote, start, end }) => texts.get(sourceId)?.slice(start, end) !== quote)) badQuotes++;
        pending.push({ from: rel.from.id, to: rel.to.id });
      }
    }
    for (const { from, to } of pending) if (![from, to].every((id) => ids.has(id) || anchors.has(id))) danglingEnds++;
    expect(entities).toBeGreaterThanOrEqual(50_000);
    expect(relationships).toBeGreaterThanOrEqual(500_000);
    expect(duplicates).toBe(0);
    expect(badQuotes).toBe(0);
    expect(danglingEnds).toBe(0);
    expect(badKeys).toBe(0);
  });

  it('writes slugs as ids and keeps every entity searchable by a diacritic-free key', () => {
    const cluster = buildCluster(defaultSeed, 42);
    for (const node of cluster.nodes) expect(node.properties.id).toMatch(/^[a-z]+-\d{5}$/);
    const withDiacritics = cluster.nodes.filter((node) => (node.properties.aliases as string[] | undefined)?.some((alias) => /[ščž]/.test(alias)));
    expect(withDiacritics.length).toBeGreaterThan(0);
    for (const node of withDiacritics) {
      for (const alias of node.properties.aliases as string[]) {
        expect(node.properties.searchKeys).toContain(alias.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
      }
    }
  });
});
