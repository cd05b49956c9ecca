/** `createNodeHost()`: an ExcelHost with the genuine Excel client attached, for jest. */
import { ExcelHost, ExcelHostOptions } from "./host";
import { NodeClient, NodeClientOptions, attachNodeClient } from "./client/node-client";
import type { FakeOffice } from "./client/office-stub";

export type NodeHostOptions = ExcelHostOptions & NodeClientOptions;

export class NodeExcelHost extends ExcelHost {
  readonly client: NodeClient;

  constructor(options: NodeHostOptions = {}) {
    super(options);
    this.client = attachNodeClient(this, options);
  }

  /**
   * A co-author: another genuine client (its own script instance, context and reference ids)
   * on this same workbook. Batches of all clients apply one at a time in arrival order.
   */
  connect(options: NodeClientOptions = {}): NodeClient {
    return attachNodeClient(this.session(), options);
  }

  /** `Excel.run` of the genuine client against this host. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.client.run(batch);
  }

  get Excel(): typeof Excel {
    return this.client.Excel;
  }

  get OfficeExtension(): typeof OfficeExtension {
    return this.client.OfficeExtension;
  }

  get office(): FakeOffice {
    return this.client.office;
  }

  installGlobals(): () => void {
    return this.client.installGlobals();
  }
}

export const createNodeHost = (options: NodeHostOptions = {}): NodeExcelHost => new NodeExcelHost(options);
