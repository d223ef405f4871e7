// LSP server entry point (see server/src).
