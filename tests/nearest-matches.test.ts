/** The nearest matches a NOT_FOUND suggests: the full-text hits re-ranked by edits from what was typed. */
import { describe, expect, it } from 'vitest';
import { nearestHits } from '../src/planner/references.js';

const peacekeepers = { id: 'csto-peacekeeping-forces', name: 'CSTO peacekeeping forces', kind: 'Organization', aliases: ['CSTO peacekeepers'] };
const csto = { id: 'csto', name: 'Collective Security Treaty Organization', kind: 'Organization', aliases: ['CSTO', 'ODKB'] };
const nato = { id: 'nato', name: 'North Atlantic Treaty Organization', kind: 'Organization', aliases: ['NATO'] };
const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('nearestHits', () => {
  it('puts the thing one swap of letters away first, ahead of one that only contains such a word, and leaves out one three edits away', () => {
    expect(nearestHits('CTSO', [peacekeepers, nato, csto])).toEqual([
      { id: 'csto', name: 'Collective Security Treaty Organization', kind: 'Organization' },
      { id: 'csto-peacekeeping-forces', name: 'CSTO peacekeeping forces', kind: 'Organization' },
    ]);
  });

  it('leaves out a hit more edits away than a third of the longest word typed', () => {
    const tajikistan = { id: 'tajikistan', name: 'Tajikistan', kind: 'State', aliases: ['Republic of Tajikistan'] };
    const islamists = { id: 'batken-armed-islamists', name: 'Armed Islamists in Batken', kind: 'Organization', aliases: [] };
    // "tadjikistan" is one edit from "tajikistan", and five from "islamists", its nearest word of the other.
    expect(ids(nearestHits('Tadjikistan', [islamists, tajikistan]))).toEqual(['tajikistan']);
  });

  it('ranks by the nearest name or word, then by the nearest name as a whole, ignoring case, diacritics and punctuation', () => {
    const statement = { id: 'pashinyan-on-the-csto', name: 'Pashinyan on the CSTO', kind: 'Statement', aliases: null };
    const person = { id: 'nikol-pashinyan', name: 'Nikol Pashinyan', kind: 'Person', aliases: [] };
    // Both have the word "pashinyan", one edit away; as a whole, "pashinian" is 7 edits from "nikol pashinyan" and 13 from "pashinyan on the csto".
    expect(ids(nearestHits('Pashinian', [statement, person]))).toEqual(['nikol-pashinyan', 'pashinyan-on-the-csto']);
    expect(ids(nearestHits('BALIKCA', [nato, { id: 'balikca-town', name: 'Balikča', kind: 'Place', aliases: [] }]))).toEqual(['balikca-town']);
  });

  it("keeps Lucene's order between hits as near as each other, and suggests three at most", () => {
    const towns = ['d', 'c', 'b', 'a'].map((letter) => ({ id: `town-${letter}`, name: `Town ${letter.toUpperCase()}`, kind: 'Place', aliases: [] }));
    expect(ids(nearestHits('Townx', towns))).toEqual(['town-d', 'town-c', 'town-b']);
    expect(nearestHits('anything', [])).toEqual([]);
  });
});
