import type { SecretRef, SecretScope } from './secret-key';

/** Secret storage: values kept outside collection folders, addressed by what they belong to. */
export interface SecretStore {
  get(ref: SecretRef): Promise<string | undefined>;
  set(ref: SecretRef, value: string): Promise<void>;
  delete(ref: SecretRef): Promise<void>;
  /** True when values outlive the process (the app's encrypted file); the CLI's store only reads the environment. */
  readonly persistent: boolean;
  /** Whether values of the collection at `root` are kept under its folder path (they would be lost if it moved). */
  hasPathScoped(root: string): Promise<boolean>;
  /**
   * One-time migration: moves the values kept under `scope.root`'s path to `scope.id`. A value
   * already under the id wins. Returns how many moved.
   */
  adopt(scope: SecretScope & { readonly id: string }): Promise<number>;
  /** A backend name and, when storage is weak (Linux basic_text), a warning for the user. */
  describe(): { backend: string; warning?: string };
}
