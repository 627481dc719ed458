import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { HTTP_STATUS_ERRORS } from '@subsidy/common';

/**
 * Every error a user can meet has a Chinese message (the default) and an English one (issue 10). The type of
 * DomainError's constructor already refuses a plain string; this reads the source of libs/ and apps/ with the
 * TypeScript parser so that a cast, a new error class or a Chinese text that shows an internal name cannot slip by:
 *  - every `super(...)` of a DomainError subclass and every `new <DomainError subclass>(...)` passes no bare string or
 *    template where the message goes, and every `{ zh, en }` it passes has both languages;
 *  - every error code (a subclass's `code`, or the code argument of a class that takes one) has at least one Chinese
 *    message written for it;
 *  - no Chinese text (`zh:` of a message, `messageZh:` of a detail) is English, or shows a snake_case or camelCase
 *    identifier (`awaiting_decision`, `applicationId`) a reader would not understand.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = ['libs', 'apps'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'web', 'test-artifacts']);

/** Classes whose code is decided at run time from another module's closed set; each says where the messages are. */
const RUNTIME_CODES: Record<string, string> = {
  ReplayedErrorResponse: 'replays a stored answer of another error, both languages kept (idempotency.interceptor.ts)',
  AwardCalculationError: "the policy engine's PolicyErrorCode; SUMMARY_ZH in award-errors.ts has each one's Chinese",
  EvidenceRejectedError: "the storage UploadRejectionCode; REJECTION_ZH in upload-evidence.ts has each one's Chinese",
  InputRefusedError: "InputProblem; SUMMARIES in input-errors.ts has each one's Chinese",
};

interface ClassInfo {
  name: string;
  base: string | undefined;
  file: string;
  node: ts.ClassDeclaration;
  codes: Set<string>;
  /** True when the code is a constructor argument (ConflictError, SubmissionIncompleteError...). */
  codeFromArgument: boolean;
  abstract: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(join(dir, entry.name)));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
  path: relative(ROOT, path),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true),
}));

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function where(node: ts.Node): string {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(ROOT, source.fileName)}:${line + 1}`;
}

/** String literals a code expression or type can take: 'a', 'a' | 'b', cond ? 'a' : 'b', ({ x: 'a' } as const)[k]. */
function literalsIn(node: ts.Node): string[] {
  const found: string[] = [];
  walk(node, (n) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      // Keys of an object literal are not codes; their values are.
      if (!(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) found.push(n.text);
    }
  });
  return found;
}

const classes = new Map<string, ClassInfo[]>();
for (const { path, source } of files) {
  walk(source, (node) => {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    const baseExpression = heritage?.types[0]?.expression;
    const info: ClassInfo = {
      name: node.name.text,
      base: baseExpression && ts.isIdentifier(baseExpression) ? baseExpression.text : undefined,
      file: path,
      node,
      codes: new Set(),
      codeFromArgument: false,
      abstract: node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ?? false,
    };
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) && member.name.getText() === 'code') {
        if (member.initializer) literalsIn(member.initializer).forEach((c) => info.codes.add(c));
        else if (member.type) literalsIn(member.type).forEach((c) => info.codes.add(c));
      }
      if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          if (parameter.name.getText() !== 'code') continue;
          info.codeFromArgument = true;
          if (parameter.type) literalsIn(parameter.type).forEach((c) => info.codes.add(c));
        }
        walk(member, (n) => {
          if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText() === 'this.code') {
            if (ts.isIdentifier(n.right)) return; // the `code` parameter, collected from its type or the call sites
            literalsIn(n.right).forEach((c) => info.codes.add(c));
          }
        });
      }
    }
    classes.set(info.name, [...(classes.get(info.name) ?? []), info]);
  });
}

function isDomainError(name: string | undefined, seen = new Set<string>()): boolean {
  if (!name || seen.has(name)) return false;
  if (name === 'DomainError') return true;
  seen.add(name);
  return (classes.get(name) ?? []).some((c) => isDomainError(c.base, seen));
}

const errorClasses = [...classes.values()].flat().filter((c) => isDomainError(c.base));

/** The constructor that runs for `new X(...)`: X's own, or the nearest ancestor's. */
function constructorOf(info: ClassInfo): ts.ConstructorDeclaration | undefined {
  const own = info.node.members.find(ts.isConstructorDeclaration);
  if (own) return own;
  const parent = info.base ? classes.get(info.base)?.[0] : undefined;
  return parent && parent.name !== 'DomainError' ? constructorOf(parent) : undefined;
}

/** Index of the message argument of a call to this constructor (a parameter of type Localized), if callers write one. */
function messageIndex(ctor: ts.ConstructorDeclaration | undefined): number | undefined {
  if (!ctor) return 0; // DomainError's own (message, details)
  const index = ctor.parameters.findIndex((p) => /\bLocalized\b|\{ zh: string; en: string \}/.test(p.type?.getText() ?? ''));
  return index === -1 ? undefined : index;
}

/** Chinese texts that can come out of an expression (both branches of a conditional, the literal parts of a template). */
function zhTexts(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [[node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…')];
  if (ts.isConditionalExpression(node)) return [...zhTexts(node.whenTrue), ...zhTexts(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return zhTexts(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return [...zhTexts(node.left), ...zhTexts(node.right)];
  return [];
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find((p) => p.name?.getText() === name);
}

/** What is wrong with a message argument; undefined when it is a `{ zh, en }` or a value of Localized type. */
function messageProblem(argument: ts.Expression): string | undefined {
  if (ts.isStringLiteral(argument) || ts.isTemplateExpression(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return 'a plain string (English only)';
  if (ts.isConditionalExpression(argument)) return messageProblem(argument.whenTrue) ?? messageProblem(argument.whenFalse);
  if (ts.isParenthesizedExpression(argument)) return messageProblem(argument.expression);
  if (ts.isAsExpression(argument)) return `a cast (${argument.getText().slice(0, 40)}…) hides the message's type`;
  if (ts.isObjectLiteralExpression(argument)) {
    if (!property(argument, 'zh') && !argument.properties.some(ts.isSpreadAssignment)) return 'a message without zh';
    if (!property(argument, 'en') && !argument.properties.some(ts.isSpreadAssignment)) return 'a message without en';
  }
  return undefined;
}

const HAN = /[\u3400-\u9fff]/;
const SNAKE = /(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])/;
const CAMEL = /(?<![A-Za-z0-9_])[a-z]+[A-Z][A-Za-z0-9]*(?![A-Za-z0-9_])/;

function chineseProblem(text: string): string | undefined {
  if (!HAN.test(text) && /[A-Za-z]/.test(text)) return 'is English, not Chinese';
  if (!HAN.test(text) && text.replace(/…/g, '').trim() !== '' && !/^[\s\p{P}…]*$/u.test(text)) return 'has no Chinese';
  const snake = SNAKE.exec(text);
  if (snake) return `shows the identifier "${snake[0]}"`;
  const camel = CAMEL.exec(text);
  if (camel) return `shows the identifier "${camel[0]}"`;
  return undefined;
}

describe('error messages (zh and en)', () => {
  it('finds the error classes it checks', () => {
    expect(errorClasses.length).toBeGreaterThan(80);
    expect(errorClasses.map((c) => c.name)).toEqual(expect.arrayContaining(['InvalidStateError', 'ConflictError', 'OverCommitmentError', 'ForbiddenRoleError']));
  });

  it('constructs every DomainError with a { zh, en } message, never a plain string', () => {
    const problems: string[] = [];
    for (const info of errorClasses) {
      walk(info.node, (node) => {
        if (!ts.isCallExpression(node) || node.expression.kind !== ts.SyntaxKind.SuperKeyword) return;
        const index = info.base === 'DomainError' ? 0 : messageIndex(constructorOf(classes.get(info.base!)![0]));
        const argument = index === undefined ? undefined : node.arguments[index];
        const problem = argument && messageProblem(argument);
        if (problem) problems.push(`${where(node)} super() of ${info.name}: ${problem}`);
      });
    }
    for (const { source } of files) {
      walk(source, (node) => {
        if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return;
        const info = classes.get(node.expression.text)?.find((c) => errorClasses.includes(c));
        if (!info) return;
        const index = messageIndex(constructorOf(info));
        const argument = index === undefined ? undefined : node.arguments?.[index];
        const problem = argument && messageProblem(argument);
        if (problem) problems.push(`${where(node)} new ${info.name}(): ${problem}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('has a Chinese message for every error code', () => {
    const codes = new Map<string, string[]>();
    const add = (code: string, from: string) => codes.set(code, [...(codes.get(code) ?? []), from]);
    const problems: string[] = [];
    for (const info of errorClasses) {
      if (RUNTIME_CODES[info.name]) continue;
      if (info.codeFromArgument && info.codes.size === 0) {
        // The code is whatever the caller passes: every call site must name it as a literal.
        for (const { source } of files) {
          walk(source, (node) => {
            if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== info.name) return;
            const first = node.arguments?.[0];
            if (first && ts.isStringLiteral(first)) add(first.text, info.name);
            else problems.push(`${where(node)} new ${info.name}(): pass the error code as a string literal`);
          });
        }
        continue;
      }
      for (const code of info.codes) add(code, info.name);
      if (!info.abstract && info.codes.size === 0 && !info.node.members.some((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'code')) {
        // Inherits its code (e.g. from ConflictError's argument); checked with the parent.
        continue;
      }
      if (info.codes.size === 0 && !info.abstract) problems.push(`${info.file}: ${info.name} has no literal code`);
    }
    expect(problems).toEqual([]);
    // Each code's classes write a zh somewhere: in their own super() call, or at every place that constructs them.
    const withoutChinese = [...codes.entries()].filter(([, owners]) =>
      owners.every((owner) => {
        const info = classes.get(owner)!.find((c) => errorClasses.includes(c))!;
        let zh = false;
        let constructed = false;
        const look = (node: ts.Node) =>
          walk(node, (n) => {
            if (ts.isObjectLiteralExpression(n) && property(n, 'zh')) zh = true;
          });
        look(info.node);
        for (const { source } of files) {
          walk(source, (n) => {
            if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === owner) {
              constructed = true;
              n.arguments?.forEach(look);
            }
          });
        }
        // A generic class nobody constructs or extends (ForbiddenError) reaches no user.
        const extended = errorClasses.some((c) => c.base === owner);
        if (!constructed && !extended && !info.node.members.some(ts.isConstructorDeclaration)) return false;
        return !zh;
      }),
    );
    expect(withoutChinese.map(([code, owners]) => `${code} (${owners.join(', ')})`)).toEqual([]);
    expect(codes.size).toBeGreaterThan(80);
  });

  it('writes Chinese texts a reader understands: no English, no internal identifiers', () => {
    const problems: string[] = [];
    for (const { source } of files) {
      walk(source, (node) => {
        if (!ts.isPropertyAssignment(node)) return;
        const name = node.name.getText();
        const isMessage = name === 'messageZh' || (name === 'zh' && ts.isObjectLiteralExpression(node.parent) && property(node.parent, 'en'));
        if (!isMessage) return;
        for (const text of zhTexts(node.initializer)) {
          const problem = chineseProblem(text);
          if (problem) problems.push(`${where(node)} ${name} ${problem}: ${text.slice(0, 60)}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('gives every status Nest or a library can answer with a stable code and a message in both languages', () => {
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503]) {
      const entry = HTTP_STATUS_ERRORS[status];
      expect(entry).toBeDefined();
      expect(entry.code).toMatch(/^[a-z_]+$/);
      expect(chineseProblem(entry.zh)).toBeUndefined();
      expect(entry.en).toMatch(/[A-Za-z]/);
    }
  });
});

describe('the source checks themselves', () => {
  const expression = (code: string): ts.Expression => {
    const statement = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true).statements[0] as ts.ExpressionStatement;
    return statement.expression;
  };

  it('refuses a plain string, a template, a cast and a message missing a language', () => {
    expect(messageProblem(expression("'The program is closed'"))).toBe('a plain string (English only)');
    expect(messageProblem(expression('`The program is ${status}`'))).toBe('a plain string (English only)');
    expect(messageProblem(expression("('x' as unknown as Localized)"))).toMatch(/cast/);
    expect(messageProblem(expression("({ en: 'Closed' })"))).toBe('a message without zh');
    expect(messageProblem(expression("({ zh: '已截止' })"))).toBe('a message without en');
    expect(messageProblem(expression("({ zh: '已截止', en: 'Closed' })"))).toBeUndefined();
  });

  it('refuses Chinese texts that are English or show internal names', () => {
    expect(chineseProblem('The program is closed')).toBe('is English, not Chinese');
    expect(chineseProblem('申报当前为 awaiting_decision')).toBe('shows the identifier "awaiting_decision"');
    expect(chineseProblem('applicationId 有误')).toBe('shows the identifier "applicationId"');
    expect(chineseProblem('申报已提交，不能再修改。')).toBeUndefined();
    expect(chineseProblem('文件超过 10 MB 上限，请上传 PDF')).toBeUndefined();
  });
});
