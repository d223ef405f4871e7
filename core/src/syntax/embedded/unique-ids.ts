/** Hands out unique region ids: the first use of an id keeps it, later uses get `#2`, `#3`, … (amortised O(1)). */
export class UniqueIds {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  take(id: string): string {
    if (!this.used.has(id)) {
      this.used.add(id);
      return id;
    }
    let k = this.next.get(id) ?? 2;
    while (this.used.has(`${id}#${k}`)) k++;
    this.next.set(id, k + 1);
    const uid = `${id}#${k}`;
    this.used.add(uid);
    return uid;
  }
}
