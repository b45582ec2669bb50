export interface Page<T> {
  items: T[];
  /** Absent on the last page. Opaque to callers. */
  continuationToken?: string;
}

export interface PageOptions {
  /** Default 25, as Key Vault's data plane. */
  maxPageSize?: number;
  continuationToken?: string;
}
