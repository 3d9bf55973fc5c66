// The GraphQL half of the breaking-change gate: @graphql-inspector/core's diff of two SDL files, failing on each
// BREAKING change that api-specs/approved-breaks.json does not list (document, rule = the change's type, location = its
// path, reason). Dangerous changes (a new enum value, an argument's new default) are printed and never fail.
// Usage: node graphql-breaking.mjs <base.graphql> <head.graphql> <document> <approved-breaks.json>
// Exit: 0 no unapproved break, 1 an unapproved break, 2 it could not run.
import { readFileSync, existsSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

const [basePath, headPath, document, approvedPath] = process.argv.slice(2);
if (!basePath || !headPath || !document || !approvedPath) {
  console.error('graphql-breaking: usage: node graphql-breaking.mjs <base.graphql> <head.graphql> <document> <approved-breaks.json>');
  process.exit(2);
}

let approved = [];
try {
  if (existsSync(approvedPath)) {
    approved = JSON.parse(readFileSync(approvedPath, 'utf8')).breaks;
    if (!Array.isArray(approved)) throw new Error('"breaks" is missing');
    approved.forEach((b, i) => {
      if (!b.document || !b.rule || !b.location) throw new Error(`breaks[${i}] needs document, rule and location`);
      if (!b.reason || !String(b.reason).trim()) throw new Error(`breaks[${i}] (${b.rule} at ${b.location}) gives no reason`);
    });
  }
} catch (e) {
  console.error(`graphql-breaking: approved breaks: ${e.message}`);
  process.exit(2);
}

const load = (path) => buildSchema(readFileSync(path, 'utf8'));
const changes = await diff(load(basePath), load(headPath));
let unapproved = 0;
for (const change of changes) {
  const level = change.criticality.level;
  if (level === CriticalityLevel.Breaking) {
    const ok = approved.some((b) => b.document === document && b.rule === change.type && b.location === change.path);
    if (!ok) unapproved++;
    console.log(`graphql-breaking: ${ok ? 'approved' : 'BREAKING'} ${document}: ${change.type} at ${change.path}: ${change.message}`);
  } else if (level === CriticalityLevel.Dangerous) {
    console.log(`graphql-breaking: dangerous ${document}: ${change.type} at ${change.path}: ${change.message}`);
  }
}
console.log(`graphql-breaking: ${document}: ${changes.length} change(s), ${unapproved} unapproved breaking`);
if (unapproved > 0) {
  console.log(`graphql-breaking: list each in ${approvedPath} with a reason: { "document", "rule", "location", "reason" }, or keep the old field beside the new one with @deprecated(reason:).`);
  process.exit(1);
}
