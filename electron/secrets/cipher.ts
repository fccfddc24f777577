/** Encrypts secret values; the Electron shell supplies one built on async safeStorage. */
export interface SecretCipher {
  encrypt(text: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
  /** e.g. `safeStorage:gnome_libsecret`, `node-aes-gcm`. */
  readonly backend: string;
  /** Set when the protection is weak (Linux basic_text, the Node fallback). */
  readonly warning?: string;
}
