-- Headless Neovim (0.7+, Debian's package) as an independent LSP client of `node dist/server.js --stdio`.
-- Env: JG_LSP_CMD (JSON array), JG_TIMEOUT_MS. Prints `JG_DIAGNOSTICS <json>` for the opened file, then exits 0;
-- exits 2 on timeout, 3 when the server cannot start or dies first.
local function say(s) io.stdout:write(s .. '\n'); io.stdout:flush() end
local function quit(code) if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end end

vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function()
  local cmd = vim.fn.json_decode(os.getenv('JG_LSP_CMD') or '[]')
  local timeout = tonumber(os.getenv('JG_TIMEOUT_MS') or '20000')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'jitterbit'
  local file = vim.api.nvim_buf_get_name(buf)
  local uri = vim.uri_from_fname(file)
  local received, dead = nil, false
  local id = vim.lsp.start_client({
    name = 'jitterbit-guard',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and result.uri == uri and #result.diagnostics > 0 then received = result.diagnostics end
      end,
      ['window/showMessageRequest'] = function() return vim.NIL end,
    },
    on_exit = function() dead = true end,
  })
  if not id then say('JG_RESULT cannot start'); quit(3); return end
  vim.lsp.buf_attach_client(buf, id)
  vim.wait(timeout, function() return received ~= nil or dead end, 20)
  if not received then say(dead and 'JG_RESULT server exited' or 'JG_RESULT timeout'); quit(dead and 3 or 2); return end
  say('JG_DIAGNOSTICS ' .. vim.fn.json_encode(received))
  vim.lsp.stop_client(id, true)
  quit(0)
end })
