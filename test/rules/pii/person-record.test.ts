import { jb, runRuleTable } from '../rule-tester';
import { ssn } from '../fakes';
import { js } from '../hosts';

// detection-policy §3: a person's name together with a date of birth, address or national id in the same record
// literal.
const id = ssn(1101);
const bareId = ssn(1102).replace(/-/g, '');

runRuleTable('pii/person-record', {
  valid: [
    // A name alone, or other data without a name.
    { code: jb('rec = "Jane Porter,Sales,Boise";') },
    { code: jb('rec = "Test Account,1984-03-12,42 Elm St";') },
    { code: jb('rec = "Customer Service,1984-03-12";') },
    { code: jb('rec = "order 1042,2024-01-15,42 Elm St";') },
    // A date that cannot be a date of birth (in the future).
    { code: jb('rec = "Jane Porter,2099-03-12";') },
    // Name and date in different literals that do not form one record.
    { code: jb('$name = "Jane Porter";', '$created = "1984-03-12";') },
    { code: jb('rec = {"Jane Porter", "Sales"};') },
    // JavaScript objects: a company's `name` with an address, a person's name with a recent (order) date.
    { code: js('var vendor = { name: "Northwind Traders", street: "17 Larkspur Lane", city: "Boise" };'), file: 'vendor.js' },
    { code: js('var order = { firstName: "Jane", lastName: "Porter", orderDate: "2024-01-15" };'), file: 'order.js' },
    // A company at a UK address.
    { code: jb('w = "Acme Freight, 27 Kingsway, London WC2B 6UN";') },
    // Sites and goods with an address or an old date.
    { code: jb('w = {"WH01", "Acme Logistics", "1200 Harbor Blvd", "Long Beach", "CA"};', 'd = {"DOCK-01", "Receiving Dock", "1200 Harbor Blvd"};') },
    { code: jb('p = {"SKU-88120", "Blue Widget", "1999-12-31"};') },
    { code: js('var v = { name: "Gareth Pryce", address: "221 Elm Street, Springfield, IL 62704", vendorId: "V-1042" };'), file: 'v.js' },
    // Keyed first and last names with a date that cannot be a birth date; an id that is no national id.
    { code: jb('$h = \'{"firstName":"Henrik","lastName":"Aalto","orderDate":"2024-02-14"}\';') },
    { code: jb('rec = "Gareth Pryce, order JT 48 21 93, Cardiff";') },
    // Conventional placeholder persons; a company at a street-first address; a dictionary of a company.
    { code: jb('t = "{\\"name\\": \\"John Doe\\", \\"dob\\": \\"1970-01-01\\"}";', 'u = "Max Mustermann;1980-04-01;Musterstraße 1";') },
    { code: jb('j = "{\\"ragione_sociale\\": \\"Ferraro Logistica SRL\\", \\"indirizzo\\": \\"Via Garibaldi 27, 10122 Torino\\"}";') },
    { code: jb('v = Dict();', 'v["company"] = "Halvorsen Marine AS";', 'v["name"] = "Sigrid Halvorsen";', 'v["street"] = "17 Larkspur Lane";') },
    // Two dictionaries, each with half of a record.
    { code: jb('a = Dict(); a["firstName"] = "Bartholomew"; a["lastName"] = "Quigley";', 'b = Dict(); b["orderDate"] = "1972-11-05"; b["sku"] = "SKU-1";') },
    // Quoted values of a company (XML attributes), a person with no detail (SQL), nine digits under a non-SSN key.
    { code: jb('$v = \'<Vendor name="Renner Metallbau GmbH" street="Industriestrasse 7" city="Graz"/>\';') },
    { code: jb('q = "INSERT INTO contacts (name, team) VALUES (\'Sigrid Halvorsen\', \'Planning\')";') },
    { code: jb('e = Dict();', 'e["name"] = "Sigrid Halvorsen";', `e["employee_no"] = "${bareId}";`) },
    // A date under a key naming another event (hire, founding, start, creation) is no date of birth.
    { code: jb('$j = \'{"name":"Harald Brenner","hireDate":"2015-03-01"}\';', '$o = \'{"name":"Kantonsspital Nord","founded":"1912-05-01"}\';') },
    { code: jb('$x = "<Employee><Name>Lars Eriksen</Name><StartDate>2001-09-01</StartDate></Employee>";', 'k = "Lars Eriksen; created=2019-04-02";') },
    { code: js('var site = { name: "Kantonsspital Nord", founded: "1912-05-01" };'), file: 'site.js' },
    { code: jb('g = Dict();', 'g["name"] = "Harald Brenner";', 'g["date_of_hire"] = "2015-03-01";') },
    // HL7 PID segments: a placeholder patient, a date that is no birth date, a name with no other detail.
    { code: jb('a = "PID|1||M2^^^H||TEST^PATIENT||19800101|U";', 'b = "PID|1||M3^^^H||Brennan^Colm||20240101|M|||^^Galway";') },
  ],
  invalid: [
    { code: jb('rec = "Jane Porter,1984-03-12,42 Elm St";'), lines: [2], severity: 'warning', message: /name with a date of birth/ },
    // HL7 v2 PID segment: PID-5 name (Family^Given) with PID-7 date of birth or PID-11 address, also after an MSH segment.
    { code: jb('a = "PID|1||MRN48213^^^LGH||Okonkwo^Adaeze^N||19810417|F";', 'b = "MSH|^~\\\\&|REG|X|Y|Z|20240311||ADT^A04|1|P|2.5\\rPID|1||M1^^^H||Fairweather^Ottoline|||F|||27 Larkspur Lane^^Leeds^^LS6 2QT";'), lines: [2, 3] },
    // A hire date beside a date of birth does not hide the birth date.
    { code: jb('$j = \'{"name":"Harald Brenner","hireDate":"2015-03-01","dob":"1984-03-12"}\';'), lines: [2] },
    { code: js('var e = { name: "Harald Brenner", birthDate: "1984-03-12", createdAt: "2020-01-02" };'), file: 'e.js', lines: [2] },
    { code: jb('rec = "Marcus Whitfield|17 Larkspur Lane|Boise";'), lines: [2] },
    { code: jb(`rec = "Dana Okafor;${id}";`), lines: [2] },
    { code: jb('$j = \'{"name": "Priya Raman", "dob": "1990-07-21"}\';'), lines: [2] },
    { code: jb('$x = \'<Employee><Name>Lars Eriksen</Name><Born>1975-02-28</Born></Employee>\';'), lines: [2] },
    // Array literals: the record is spread over elements (reported on the name).
    { code: jb('rec = {"Marcus Whitfield", "1979-11-02", "17 Larkspur Lane"};'), lines: [2], message: /date of birth/ },
    { code: jb('rec = {', '  "17 Larkspur Lane",', '  "Marcus Whitfield"', '};'), lines: [4], message: /street address/ },
    { code: jb(`rec = {"Dana Okafor", "${id}"};`), lines: [2], message: /national id/ },
    // Multi-line test data: the line of the record.
    { code: jb('csv = "name,dob', 'Jane Porter,1984-03-12', 'Aiko Tanaka,1991-05-30";'), lines: [3, 4] },
    { code: js('var rec = "Jane Porter,1984-03-12,42 Elm St";'), file: 'rec.js', lines: [2] },
    // JavaScript object literals: reported on the name.
    { code: js('var p = {', '  firstName: "Marcus", lastName: "Whitfield",', '  birthDate: "1979-11-02"', '};'), file: 'p.js', lines: [3], message: /date of birth/ },
    { code: js('var p = { first_name: "Dana", last_name: "Okafor", street: "17 Larkspur Lane" };'), file: 'q.js', lines: [2], message: /street address/ },
    { code: js(`var p = { fullName: "Aiko Tanaka", ssn: "${id}" };`), file: 'r.js', lines: [2], message: /national id|social security/ },
    // A person's `name` with an address (no sibling key says company); national ids other than an SSN.
    { code: js('var b = { name: "Ravi Iyer", address: "221 Elm Street, Springfield, IL 62704" };'), file: 's.js', lines: [2], message: /street address/ },
    { code: js('var c = { name: "Ravi Iyer", nationalId: "JT482193B" };'), file: 't.js', lines: [2], message: /national id/ },
    { code: jb('$n = "Gareth Pryce, NINO JT 48 21 93 B, Cardiff";'), lines: [2] },
    { code: jb('$m = "Gareth Pryce | national id 7405121234";'), lines: [2] },
    // Name and date of birth inside one field of a `|` record; a surname first between ` - ` separators.
    { code: jb('s = "EMERGENCY_CONTACT|Henrik Larsen, DOB May 2, 1979|relationship=brother";', 'row = "Nowak, Katarzyna - DOB 21/03/1988 - grade B2";'), lines: [2, 3] },
    // A date with a comma, a surname first, a UK address (the postcode marks it).
    { code: jb('r = "Henrik Larsen, DOB May 2, 1979";', 'r2 = "Larsen, Henrik, DOB 02/05/1979";', 'r3 = "Priya Shah, 27 Kingsway, London WC2B 6UN";'), lines: [2, 3, 4] },
    // First and last name in two fields of a delimited line; names and addresses beyond Latin-1 and English.
    { code: jb('csv = "first_name,last_name,dob', 'Sigrid,Halvorsen,1984-07-19', '";'), lines: [3] },
    { code: jb('body = "{\\"fullName\\": \\"Tomasz Wiśniewski\\", \\"address\\": \\"ul. Długa 14/3, 00-238 Warszawa\\"}";'), lines: [2] },
    { code: jb('r = "Gagnon|Émilie|SIN 130 692 546|Montréal";', 's = "Jansen;Anouk;BSN: 123456782;Utrecht";'), lines: [2, 3] },
    // A dictionary filled field by field, in both languages; an object with first/last keys.
    { code: jb('p = Dict();', 'p["firstName"] = "Bartholomew";', 'p["lastName"] = "Quigley";', 'p["dateOfBirth"] = "1972-11-05";'), lines: [3], message: /date of birth/ },
    { code: jb('$t = Dict();', 'AddToDict($t, "nombre", "Lucía");', 'AddToDict($t, "apellido", "Fernández");', 'AddToDict($t, "domicilio", "Calle Mayor 12, 28013 Madrid");'), lines: [3], message: /street address/ },
    { code: js('var p = {};', 'p.vorname = "Jürgen";', 'p.nachname = "Weiß";', 'p.geburtsdatum = "1966-02-17";'), file: 'd.js', lines: [3] },
    { code: js('var t = { first: "Kwame", last: "Mensah", birthDate: "1993-08-14", city: "Accra" };'), file: 'k.js', lines: [2] },
    // Labelled fields, a query string.
    { code: jb('a = "Name: Lena Fischer, DOB: 1990-04-12";', 'c = "name=Lena Fischer&dob=1990-04-12";'), lines: [2, 3] },
    // First and last name in separate keyed fields of a JSON or XML string.
    { code: jb('$h = \'{"firstName":"Henrik","lastName":"Aalto","birthDate":"1979-02-14"}\';'), lines: [2] },
    { code: jb('$h = \'{"first_name":"Henrik","last_name":"Aalto","address":"221 Elm Street, Springfield"}\';'), lines: [2] },
    { code: jb('$x = "<Person><FirstName>Henrik</FirstName><LastName>Aalto</LastName><DOB>1979-02-14</DOB></Person>";'), lines: [2] },
    // Quoted values: XML attributes, SQL string values.
    { code: jb('$x = \'<Person name="Henrik Aalto" birthDate="1979-02-14" city="Turku"/>\';'), lines: [2] },
    { code: jb('q = "INSERT INTO customers (name, dob) VALUES (\'Sigrid Halvorsen\', \'1984-07-19\')";'), lines: [2] },
    // A dictionary record whose SSN is nine bare digits under an SSN key.
    { code: jb('e = Dict();', 'e["name"] = "Sigrid Halvorsen";', `e["ssn"] = "${bareId}";`), lines: [3], message: /national id/ },
  ],
});
