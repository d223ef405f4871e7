import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ConfigCache } from '../../core/src/cli/config';
import { discover, isSupportedFile } from '../../core/src/cli/discover';
import { tmpDir, writeTree } from './helpers';

// Agent configuration under other names than `jitterbit.conf`: copies and variants by name, other `.conf` files by
// jitterbit.conf's own sections; other tools' `.conf` files stay out.
const AGENT = '[Settings]\nJavaScriptMaxIterations=100000\n\n[PredefinedGlobalVariables]\nwms.base_url=https://wms.northwind-ops.com/api\n';

describe('CLI discovery: agent configuration files', () => {
  it('picks jitterbit.conf copies and variants by name, not config files of other names', () => {
    for (const n of ['jitterbit.conf', 'jitterbit.conf.bak', 'jitterbit.conf.orig', 'prod-jitterbit.conf', 'jitterbit_agent.conf', 'Jitterbit.Conf']) {
      assert.ok(isSupportedFile(n), n);
    }
    for (const n of ['jitterbit-agent-config.properties', 'nginx.conf', 'my.conf', 'jitterbit.log', 'conf.d']) assert.ok(!isSupportedFile(n), n);
  });

  it('walks into .conf files only when their content has the jitterbit.conf layout', () => {
    const dir = tmpDir('jg-conf-');
    writeTree(dir, {
      'agents/jitterbit.conf.bak': AGENT,
      'agents/prod-jitterbit.conf': AGENT,
      'agents/jitterbit_agent.conf': AGENT,
      'etc/agent-prod.conf': AGENT,
      'etc/my.conf': '[mysqld]\nuser=mysql\npassword=x\n[client]\nport=3306\n',
      'etc/supervisord.conf': '[program:worker]\ncommand=/usr/bin/worker\n',
      'etc/smtp.conf': '[Settings]\nverbose=1\n[SMTP]\nserver=smtp.northwind-ops.com\n',
      'etc/nginx.conf': 'server {\n  listen 80;\n}\n',
      'jitterbit-agent-config.properties': 'agent.agentsync.debug.flag=false\n',
    });
    const found = discover(['.'], dir, dir, new ConfigCache()).files.map((f) => f.rel.split(path.sep).join('/')).sort();
    assert.deepEqual(found, ['agents/jitterbit.conf.bak', 'agents/jitterbit_agent.conf', 'agents/prod-jitterbit.conf', 'etc/agent-prod.conf']);
  });
});
