/** Reference ids (`_R1`...) that keep handles alive across batches until `_RemoveReference`. */
import type { ApiObject } from "../api";

export class ReferenceTable {
  private readonly byId = new Map<string, ApiObject>();
  private readonly ids = new Map<ApiObject, string>();
  private seq = 0;

  keep(o: ApiObject): string {
    let id = this.ids.get(o);
    if (!id) {
      id = `_R${++this.seq}`;
      this.ids.set(o, id);
      this.byId.set(id, o);
    }
    return id;
  }

  idOf(o: ApiObject): string | undefined {
    return this.ids.get(o);
  }

  get(id: string): ApiObject | undefined {
    return this.byId.get(id);
  }

  remove(id: string): void {
    const o = this.byId.get(id);
    if (!o) return;
    this.byId.delete(id);
    this.ids.delete(o);
  }

  clear(): void {
    this.byId.clear();
    this.ids.clear();
  }

  get size(): number {
    return this.byId.size;
  }
}
