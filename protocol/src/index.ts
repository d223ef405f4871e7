// Custom LSP requests, notifications and settings shared by the client and the server (types only).
export const LANGUAGE_ID_SCRIPT = 'jitterbit';
export const LANGUAGE_ID_JAVASCRIPT = 'jitterbit-javascript';
