import { jb, runRuleTable } from '../rule-tester';
import { cloudExport, designStudioProjectVariable, js } from '../hosts';

// detection-policy §3: an e-mail address of a person at a real-looking domain; not role mailboxes, not reserved
// domains (example.com/.org/.net, *.example, *.test, *.invalid, localhost). Clarifications: the role local parts.
const ROLES = [
  'noreply', 'no-reply', 'donotreply', 'support', 'help', 'helpdesk', 'admin', 'administrator', 'alerts', 'alert', 'ops',
  'operations', 'it', 'integration', 'integrations', 'billing', 'sales', 'info', 'postmaster', 'hostmaster', 'webmaster',
  'abuse', 'root', 'security', 'dispatch', 'hr', 'finance', 'accounts', 'orders', 'edi', 'purchasing', 'procurement',
  'notifications', 'team', 'contact', 'service', 'marketing',
];
const notify = cloudExport({ endpoints: [{ name: 'Rota Notification', properties: { to: 'petra.hoffmann@vantaro-retail.de', subject: 'Rota for 2024-06-01' } }] });
const exported = cloudExport({ projectVariables: [{ name: 'escalation_contact', value: 'tomasz.wielgosz@brightwater-freight.com' }] });

runRuleTable('pii/email', {
  valid: [
    ...ROLES.map((r) => ({ code: jb(`$to = "${r}@brightwater-freight.com";`) })),
    // Team and duty mailboxes beyond the policy's list are roles too.
    { code: jb('$to = "oncall@brightwater-freight.com";', '$cc = "noc-escalations@brightwater-freight.com";') },
    { code: jb('$a = "maria.kowalski@example.com";') },
    // Machine-made local parts: a Message-ID, a calendar UID.
    { code: jb('$mail.message_id = "<20240315103000.4f7a9c@mail.brightwater-freight.com>";', 'uid = "040000008200E00074C5B7101A82E008@brightwater-freight.com";') },
    // The `@` of URL user-info, even after a password with characters a local part cannot hold.
    { code: jb('$u = "sftp://edi_hallbrook:" + $edi_pw + "@files.partner-edi.net/in";', '$v = "ftp://edi:Wq93!rTzPm@files.partner-edi.net/out";') },
    { code: jb('$a = "maria.kowalski@example.org";') },
    { code: jb('$a = "maria.kowalski@example.net";') },
    { code: jb('$a = "maria.kowalski@mail.example.com";') },
    { code: jb('$a = "maria.kowalski@brightwater.example";') },
    { code: jb('$a = "maria.kowalski@brightwater.test";') },
    { code: jb('$a = "maria.kowalski@brightwater.invalid";') },
    { code: jb('$a = "maria.kowalski@localhost";') },
    // Not an e-mail address: URL user-info, an image reference, a decorator.
    { code: jb('$u = "sftp://svc:[sftp_password]@sftp.brightwater-freight.com/in";') },
    { code: jb('$img = "logo@2x.png";') },
    { code: jb('$ref = $contact_email;') },
    // Comments are not literals.
    { code: jb('// written by maria.kowalski@brightwater-freight.com', '$x = 1;') },
    // System and job mailboxes; cloud service accounts are machine identities.
    { code: jb('$from = "etl@brightwater-freight.com";', '$cc = "batch-jobs@brightwater-freight.com";', '$x = "scheduler@brightwater-freight.com";') },
    { code: jb('$sa = "etl-loader@brightwater-etl.iam.gserviceaccount.com";') },
    // List, campaign and department mailboxes of mailing and partner integrations.
    { code: jb('$list = "newsletter@mg.brightwater-freight.com";', '$r = "eu-returns@brightwater-freight.com";', '$p = "partners.emea@brightwater-freight.com";') },
    { code: js('var to = ["news@brightwater-freight.com", "vendors@brightwater-freight.com"];'), file: 'lists.js' },
    // A password with an unencoded `#` in URL user-info: its tail is no local part.
    { code: jb('$mq = "amqps://svc_orders:lZ8EVeIz4J7u#1F@b-1f2e.mq.us-east-1.amazonaws.com:5671/prod";') },
  ],
  invalid: [
    // A component property (an e-mail notification's recipient).
    { code: notify.text, file: 'notify.json', lines: notify.linesOf('petra.hoffmann@vantaro-retail.de'), message: /in `to`/ },
    { code: jb('a = "mailto:maria.kowalski@brightwater-freight.com?subject=Rota";'), lines: [2] },
    // A person's name next to a list word is still a person (`newsletter` is neither the first nor the last word).
    { code: jb('$a = "maria.newsletter.kowalski@brightwater-freight.com";', '$b = "jan.store.owner@brightwater-freight.com";'), lines: [2, 3] },
    {
      code: jb('$to = "maria.kowalski@brightwater-freight.com";'), lines: [2], severity: 'warning', message: /person's e-mail address/,
      fix: { output: jb('$to = "jane.doe@example.com";') },
    },
    { code: jb('$to = "jonas@brightwater-freight.com";'), lines: [2] },
    { code: jb('$to = "j.okafor+orders@kestrel-analytics.io";'), lines: [2] },
    { code: jb('SendEmail("priya.raman@kestrel-analytics.io", "dispatch@brightwater-freight.com", "Hi", "Body");'), lines: [2] },
    { code: jb('$cc = "ops@brightwater-freight.com;liam.obrien@brightwater-freight.com";'), lines: [2] },
    { code: jb('$x = 1;', 'rec = "Aiko Tanaka <aiko.tanaka@kestrel-analytics.io>";', '$y = 2;', '$z = "sven.lind@kestrel-analytics.io";'), lines: [3, 5] },
    { code: js('var to = "maria.kowalski@brightwater-freight.com";'), file: 'mail.js', lines: [2], fix: true },
    { code: exported.text, file: 'project.json', secrets: ['tomasz.wielgosz@brightwater-freight.com'], lines: exported.linesOf('tomasz.wielgosz@brightwater-freight.com'), message: /in `escalation_contact`/ },
    { code: designStudioProjectVariable('dock_contact', 'maria.kowalski@brightwater-freight.com'), file: 'Data/ProjectVariable/contact.xml', lines: [6], secrets: ['maria.kowalski@brightwater-freight.com'] },
  ],
});
