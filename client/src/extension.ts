// VS Code client entry point (see client/src).
