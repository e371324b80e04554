/**
 * `npm run eval` (bench/eval.ts): the scorers' output is parsed into figures, person candidates are
 * counted against the gold, and each measure is compared with its target. Where ../shared is present
 * the parsers also read the real scorers' output on small documents written here.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countPersonCandidates, main, meets, parseEntityScore, parseOutlineScore, renderRows, rows, type Figures } from '../../bench/eval';
import { REPO } from './helpers/fixture';

const SHARED = path.join(REPO, '..', 'shared');

const ENTITY_OUTPUT = `type          gold   pred     tp      P      R     F1
organization    10      8      6  0.750  0.600  0.667
person           4      0      0    -    0.000  0.000
micro P 0.750 R 0.429 F1 0.545
`;

describe('npm run eval (bench/eval.ts)', () => {
  it('parses the per-type lines and the micro line of score.mjs, a missing precision as NaN', () => {
    const s = parseEntityScore(ENTITY_OUTPUT);
    assert.deepStrictEqual(s.types.organization, { gold: 10, pred: 8, tp: 6, P: 0.75, R: 0.6, F1: 0.667 });
    assert.ok(Number.isNaN(s.types.person.P));
    assert.strictEqual(s.types.person.F1, 0);
    assert.deepStrictEqual(s.micro, { P: 0.75, R: 0.429, F1: 0.545 });
  });

  it('refuses output it cannot read rather than reporting zeros', () => {
    assert.throws(() => parseEntityScore('usage: score.mjs GOLD PRED'), /unexpected output of score\.mjs/);
    assert.throws(() => parseOutlineScore('meetings P 0.5'), /unexpected output of score-outline\.mjs/);
  });

  it('parses the line of score-outline.mjs', () => {
    const s = parseOutlineScore('meetings P 0.818 R 0.500 F1 0.621 | statements P 0.984 R 0.474 F1 0.640 | named speakers 0.544 (57)\n');
    assert.deepStrictEqual(s, {
      meetings: { P: 0.818, R: 0.5, F1: 0.621 },
      statements: { P: 0.984, R: 0.474, F1: 0.64 },
      namedSpeakers: 0.544,
      namedSpeakerStatements: 57,
    });
  });

  it('counts unknown person mentions, and those overlapping a gold person of the same document', () => {
    const gold = [
      {
        id: 'a',
        entities: [
          { start: 10, end: 20, type: 'PERS' },
          { start: 30, end: 40, type: 'LOC' },
        ],
      },
      { id: 'b', entities: [{ start: 0, end: 5, type: 'person' }] },
    ];
    const pred = [
      {
        id: 'a',
        entities: [
          { start: 15, end: 25, type: 'person', known: false }, // overlaps the gold person
          { start: 30, end: 40, type: 'person', known: false }, // a gold place, not a person
          { start: 10, end: 20, type: 'person', known: true }, // known: not a candidate
          { start: 50, end: 55, type: 'location', known: false }, // not a person
          { start: 10, end: 14, type: 'person', form: 'title', known: false }, // a role phrase, as the scorers skip
        ],
      },
      { id: 'b', entities: [{ start: 5, end: 9, type: 'person', known: false }] }, // touches, does not overlap
      { id: 'c', entities: [{ start: 0, end: 5, type: 'person', known: false }] }, // no gold document
    ];
    assert.deepStrictEqual(countPersonCandidates(gold, pred), { predicted: 4, correct: 1 });
  });

  it('compares each measure with its target to three decimals and counts the targets met', () => {
    assert.strictEqual(meets({ measure: 'x', value: 0.8996, target: 0.9 }), true);
    assert.strictEqual(meets({ measure: 'x', value: 0.899, target: 0.9 }), false);
    assert.strictEqual(meets({ measure: 'x', value: NaN, target: 0.8 }), false);
    assert.strictEqual(meets({ measure: 'x', value: 0.1 }), undefined);
    const e = parseEntityScore(ENTITY_OUTPUT);
    const perfect = parseEntityScore('person 1 1 1 1.000 1.000 1.000\nmicro P 1.000 R 1.000 F1 1.000\n');
    const figures: Figures = {
      reference: perfect,
      anercorp: e,
      outlineEntities: perfect,
      outline: parseOutlineScore('meetings P 0.900 R 0.900 F1 0.900 | statements P 1.000 R 0.800 F1 0.889 | named speakers 0.900 (10)'),
      personCandidates: { anercorp: { predicted: 8, correct: 6 }, outlineDev: { predicted: 2, correct: 2 } },
    };
    const table = rows(figures);
    const result = (name: string) => meets(table.find((r) => r.measure.startsWith(name))!);
    assert.strictEqual(result('reference article micro F1'), true);
    assert.strictEqual(result('ANERcorp dev micro F1'), false);
    assert.strictEqual(result('outline-dev entities person F1'), true);
    assert.strictEqual(result('outline-dev entities organization F1'), false); // no figure is a miss
    assert.strictEqual(result('meetings F1'), true);
    assert.strictEqual(result('statements F1'), false);
    assert.strictEqual(result('person-candidate precision (10 candidates)'), true); // 8 of 10
    const text = renderRows(table);
    assert.match(text, /^statements F1 +0\.889 +>= 0\.900 +missed$/m);
    assert.match(text, /^6 of 10 targets met$/m);
  });

  it('exits 2 and says so when the shared folder is missing', () => {
    const write = process.stderr.write;
    let said = '';
    process.stderr.write = ((s: string) => ((said += s), true)) as typeof process.stderr.write;
    try {
      assert.strictEqual(main(['--shared', path.join(os.tmpdir(), 'no-such-shared-folder-for-eval')]), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.match(said, /evaluation sets are not there/);
  });

  it('reads the real scorers’ output (../shared)', function () {
    const score = path.join(SHARED, 'eval', 'score.mjs');
    const outline = path.join(SHARED, 'eval', 'score-outline.mjs');
    if (!fs.existsSync(score) || !fs.existsSync(outline)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-test-'));
    try {
      const text = 'التقى زيد عمرا في بغداد';
      fs.writeFileSync(
        path.join(dir, 'gold.jsonl'),
        JSON.stringify({
          id: 'd',
          text,
          entities: [
            { start: 6, end: 9, type: 'PERS' },
            { start: 18, end: 23, type: 'LOC' },
          ],
        }) + '\n',
      );
      fs.writeFileSync(path.join(dir, 'pred.jsonl'), JSON.stringify({ id: 'd', entities: [{ start: 18, end: 23, type: 'location' }], outline: [] }) + '\n');
      const out = execFileSync(process.execPath, [score, path.join(dir, 'gold.jsonl'), path.join(dir, 'pred.jsonl'), '--coarse'], { encoding: 'utf8' });
      const s = parseEntityScore(out);
      assert.deepStrictEqual(s.types.place, { gold: 1, pred: 1, tp: 1, P: 1, R: 1, F1: 1 });
      assert.strictEqual(s.types.person.R, 0);
      assert.deepStrictEqual(s.micro, { P: 1, R: 0.5, F1: 0.667 });
      const said = 'قال زيد إن الاجتماع مفيد';
      const goldOutline = {
        documents: [{ id: 's', text: said, outline: { meetings: [], statements: [{ anchor: 'قال', offset: 0, start: 0, end: 3, speakers: [] }] } }],
      };
      fs.writeFileSync(path.join(dir, 'outline.json'), JSON.stringify(goldOutline));
      const predOutline = [
        { kind: 'statement', start: 0, end: said.length, selectionStart: 0, selectionEnd: 3 },
        { kind: 'statement', start: 8, end: said.length, selectionStart: 8, selectionEnd: 10 },
      ];
      fs.writeFileSync(path.join(dir, 'pred-outline.jsonl'), JSON.stringify({ id: 's', entities: [], outline: predOutline }) + '\n');
      const o = parseOutlineScore(
        execFileSync(process.execPath, [outline, path.join(dir, 'outline.json'), path.join(dir, 'pred-outline.jsonl')], { encoding: 'utf8' }),
      );
      assert.deepStrictEqual(o.statements, { P: 0.5, R: 1, F1: 0.667 });
      assert.strictEqual(o.meetings.F1, 0);
      assert.strictEqual(o.namedSpeakerStatements, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
