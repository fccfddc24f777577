/** A parsed XML element (enough for JUnit checks). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity ${whole}`);
    return v;
  });
}

/** A strict little XML parser: throws on mismatched tags, bare `<` or `&`, bad attributes, control characters. */
export function parseXml(xml: string): XmlElement {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) throw new Error('control character in XML');
  let i = 0;
  const src = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const text = src.slice(i, lt === -1 ? src.length : lt);
    if (/&(?!(#\d+|#x[0-9a-f]+|\w+);)/i.test(text)) throw new Error('bare & in text');
    if (text.includes('>')) throw new Error('bare > in text');
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('unbalanced');
    top.text += decode(text);
    if (lt === -1) break;
    const gt = src.indexOf('>', lt);
    if (gt === -1) throw new Error('unterminated tag');
    const tag = src.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const closed = stack.pop();
      if (closed?.name !== tag.slice(1).trim()) throw new Error(`mismatched </${tag.slice(1)}> for <${closed?.name ?? '?'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*$/.exec(body);
    if (m === null || m[1] === undefined) throw new Error(`bad tag <${tag}>`);
    const attributes: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (a[1] === undefined || a[2] === undefined) continue;
      if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]}`);
      attributes[a[1]] = decode(a[2]);
    }
    const el: XmlElement = { name: m[1], attributes, children: [], text: '' };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length !== 1) throw new Error('unclosed elements');
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('one root element expected');
  const only = root.children[0];
  if (only === undefined) throw new Error('no root');
  return only;
}

const ALLOWED: Record<string, { attrs: string[]; required: string[]; children: string[] }> = {
  testsuites: { attrs: ['name', 'tests', 'failures', 'errors', 'time', 'disabled'], required: [], children: ['testsuite'] },
  testsuite: { attrs: ['id', 'name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp', 'hostname', 'package', 'disabled'], required: ['name', 'tests', 'failures', 'errors'], children: ['properties', 'testcase', 'system-out', 'system-err'] },
  testcase: { attrs: ['name', 'classname', 'time', 'assertions', 'status'], required: ['name', 'classname'], children: ['failure', 'error', 'skipped', 'system-out', 'system-err'] },
  failure: { attrs: ['message', 'type'], required: [], children: [] },
  error: { attrs: ['message', 'type'], required: [], children: [] },
};

/** Checks a tree against the JUnit schema's elements and attributes (Jenkins / Ant junit XSD). */
export function checkJunit(root: XmlElement): void {
  if (root.name !== 'testsuites') throw new Error(`root is <${root.name}>`);
  const visit = (el: XmlElement): void => {
    const rule = ALLOWED[el.name];
    if (rule === undefined) throw new Error(`unexpected <${el.name}>`);
    for (const a of Object.keys(el.attributes)) if (!rule.attrs.includes(a)) throw new Error(`<${el.name}> has unexpected attribute ${a}`);
    for (const a of rule.required) if (!(a in el.attributes)) throw new Error(`<${el.name}> lacks ${a}`);
    for (const a of ['tests', 'failures', 'errors', 'skipped']) if (a in el.attributes && !/^\d+$/.test(el.attributes[a] ?? '')) throw new Error(`${a} is not an integer`);
    if ('time' in el.attributes && !/^\d+(\.\d+)?$/.test(el.attributes['time'] ?? '')) throw new Error('time is not a decimal');
    for (const c of el.children) {
      if (!rule.children.includes(c.name)) throw new Error(`<${c.name}> inside <${el.name}>`);
      visit(c);
    }
  };
  visit(root);
}
