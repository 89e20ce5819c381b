-- Run after the README's init.lua snippet has attached gwlint lsp to the
-- draft Neovim was started on: waits for the diagnostics, applies the fix
-- offered at the second comma, and writes what it saw to GWLINT_OUT.
local out = os.getenv("GWLINT_OUT")
local lines = {}
local function say(s) table.insert(lines, s) end

if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  say("TIMEOUT no diagnostics")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  -- Neovim stores byte columns, converted from the server's UTF-16 ones.
  say(string.format("diag %d:%d-%d:%d sev=%d source=%s code=%s %s",
    d.lnum, d.col, d.end_lnum, d.end_col, d.severity, tostring(d.source),
    tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
end

-- The code action at the second comma (line 4, UTF-16 character 33).
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 4, character = 33 }, ["end"] = { line = 4, character = 33 } },
  context = { diagnostics = {} },
}
local res = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000)
for _, r in pairs(res or {}) do
  for _, action in ipairs(r.result or {}) do
    say("action " .. action.kind .. " " .. action.title)
    if action.kind == "quickfix" then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
say("line " .. vim.api.nvim_buf_get_lines(0, 4, 5, false)[1])

for _, client in pairs(vim.lsp.get_active_clients()) do
  say("client " .. client.name)
  client.stop()
end
vim.fn.writefile(lines, out)
vim.cmd("qa!")
