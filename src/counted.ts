/** `count` and its noun, singular for one: "1 node", "2 nodes", "1 property", "2 properties". */
export const counted = (count: number, noun: string, plural = `${noun}s`) => `${count} ${count === 1 ? noun : plural}`;

/** A label or kind with its article, as messages name one: "a State", "an Organization". */
export const withArticle = (word: string) => `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
