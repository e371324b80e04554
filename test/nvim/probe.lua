-- Level 3: a real third-party LSP client. Headless Neovim starts the Arabic News Lens server over
-- stdio, opens a file, sends raw requests (and buffer edits, which Neovim syncs to the server) and
-- prints every result as one JSON object on stdout. The runner (run.ts) checks the results.
-- Works on Debian's Neovim 0.7.2: vim.lsp.start_client and client.request_sync (no vim.lsp.start,
-- no semantic-token client there, so the semanticTokens capability is declared by hand).
--   PROBE_CONFIG=config.json nvim --headless --clean -n -i NONE -c "luafile test/nvim/probe.lua"
-- Config: cmd, root, file, filetype?, timeout_ms?, init_options?, settings?,
--   steps = [{name, method, params?, position=[line, character]?} | {name, edit={first, last, lines}}].
-- Exit code: 0 when every request was answered, 1 when one failed, 2 on a setup error.
local function out(s) io.stdout:write(s, '\n'); io.stdout:flush() end
local function err(s) io.stderr:write('nvim-probe: ', s, '\n'); io.stderr:flush() end
local function finish(code)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local ok, result = pcall(function()
  local cfg_path = assert(os.getenv('PROBE_CONFIG'), 'PROBE_CONFIG not set')
  local cfg = vim.fn.json_decode(table.concat(vim.fn.readfile(cfg_path), '\n'))
  local timeout = cfg.timeout_ms or 15000

  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local bufnr = vim.api.nvim_get_current_buf()
  if cfg.filetype then vim.bo[bufnr].filetype = cfg.filetype end

  local caps = vim.lsp.protocol.make_client_capabilities()
  caps.textDocument.semanticTokens = {
    dynamicRegistration = false,
    requests = { full = { delta = true }, range = true },
    tokenTypes = { 'person', 'country', 'location', 'organization' },
    tokenModifiers = { 'adjective', 'title', 'candidate', 'firstMention' },
    formats = { 'relative' },
  }
  caps.textDocument.documentSymbol.hierarchicalDocumentSymbolSupport = true

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'arabic-news-lens',
    cmd = cfg.cmd,
    cmd_cwd = cfg.root,
    root_dir = cfg.root,
    capabilities = caps,
    init_options = cfg.init_options,
    settings = cfg.settings,
    flags = { debounce_text_changes = 0 },
    on_exit = function(code, signal) exited = ('code=%s signal=%s'):format(code, signal) end,
  })
  assert(client_id, 'failed to start the language server')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local inited = vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return exited ~= nil or (c ~= nil and c.initialized == true)
  end, 20)
  assert(exited == nil, 'server exited before initialize finished (' .. tostring(exited) .. ')')
  assert(inited, 'server did not finish initialize within ' .. timeout .. ' ms')
  local client = vim.lsp.get_client_by_id(client_id)

  local report = {
    nvim = ('%d.%d.%d'):format(vim.version().major, vim.version().minor, vim.version().patch),
    serverInfo = client.server_info or vim.NIL,
    legend = (client.server_capabilities or client.resolved_capabilities or {}).semanticTokensProvider or vim.NIL,
    results = {},
    failures = {},
  }
  local uri = vim.uri_from_bufnr(bufnr)
  for _, step in ipairs(cfg.steps or {}) do
    if step.edit then
      vim.api.nvim_buf_set_lines(bufnr, step.edit.first, step.edit.last, false, step.edit.lines)
      -- Let Neovim send didChange before the next request (debounce is 0, the send is scheduled).
      vim.wait(200, function() return false end, 20)
      report.results[step.name] = vim.api.nvim_buf_line_count(bufnr)
    else
      local params = vim.tbl_deep_extend('force', { textDocument = { uri = uri } }, step.params or {})
      if step.position then params.position = { line = step.position[1], character = step.position[2] } end
      local res, rerr = client.request_sync(step.method, params, timeout, bufnr)
      if not res then
        table.insert(report.failures, step.name .. ': ' .. tostring(rerr))
        report.results[step.name] = vim.NIL
      elseif res.err then
        table.insert(report.failures, step.name .. ': ' .. vim.inspect(res.err))
        report.results[step.name] = vim.NIL
      else
        report.results[step.name] = (res.result == nil) and vim.NIL or res.result
      end
    end
  end
  report.ok = #report.failures == 0
  if report.ok then report.failures = nil end
  client.stop()
  vim.wait(3000, function() return exited ~= nil end, 20)
  report.exit = exited or vim.NIL
  out(vim.fn.json_encode(report))
  return report.ok
end)

if not ok then err(tostring(result)); finish(2)
elseif result ~= true then finish(1)
else finish(0) end
