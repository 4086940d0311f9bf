/** The parameters of one planned query: every client value reaches Cypher through here, never through the text. */
export class Parameters {
  readonly values: Record<string, unknown> = {};
  private readonly names = new Map<string, string>();

  /**
   * Returns the `$name` of a parameter holding `value`. Equal values share one name, so that the same field
   * planned for several concrete types produces the same text, which the planner then writes once.
   */
  param(value: unknown): string {
    const key = JSON.stringify(value ?? null);
    let name = this.names.get(key);
    if (!name) {
      name = `p${this.names.size}`;
      this.names.set(key, name);
      this.values[name] = value ?? null;
    }
    return `$${name}`;
  }
}
