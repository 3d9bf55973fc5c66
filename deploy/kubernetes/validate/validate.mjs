// Renders deploy/kubernetes as kustomize would (resources, components, strategic-merge patches by kind and name, merged
// lists keyed by name, images, namespace) and validates every object of the base and of each overlay against the
// Kubernetes OpenAPI schemas (kubernetes-models). kubectl is not needed. Exit 1 on the first invalid document.
import { readFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const targets = ["base", "overlays/dev", "overlays/production"];

function load(file) {
  return parseAllDocuments(readFileSync(file, "utf8")).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter((o) => o != null);
}

// Lists of objects with a name (containers, env, ports, volumes...) merge by name, as strategic merge does.
function merge(target, patch) {
  if (Array.isArray(target) && Array.isArray(patch)) {
    if (!patch.every((p) => p && typeof p === "object" && "name" in p)) return patch;
    const out = target.map((t) => ({ ...t }));
    for (const p of patch) {
      const i = out.findIndex((t) => t.name === p.name);
      if (i >= 0) out[i] = merge(out[i], p); else out.push(p);
    }
    return out;
  }
  if (target && patch && typeof target === "object" && typeof patch === "object" && !Array.isArray(patch)) {
    const out = { ...target };
    for (const [k, v] of Object.entries(patch)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return patch;
}

// A component's resources and patches apply to what the including kustomization has rendered so far.
function render(dir, inherited = []) {
  const kustomization = load(join(dir, "kustomization.yaml"))[0];
  let objects = [...inherited];
  for (const entry of kustomization.resources ?? []) {
    const path = join(dir, entry);
    objects.push(...(existsSync(path) && statSync(path).isDirectory() ? render(path) : load(path)));
  }
  for (const component of kustomization.components ?? []) objects = render(join(dir, component), objects);
  for (const patch of kustomization.patches ?? []) {
    for (const p of load(join(dir, patch.path))) {
      const i = objects.findIndex((o) => o.kind === p.kind && o.metadata.name === p.metadata.name);
      if (i < 0) throw new Error(`${dir}: patch ${patch.path} names ${p.kind}/${p.metadata.name}, which no resource defines`);
      objects[i] = merge(objects[i], p);
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const o of objects) {
      for (const c of o.spec?.template?.spec?.containers ?? []) {
        if (c.image === image.name) c.image = `${image.newName ?? image.name}:${image.newTag ?? "latest"}`;
      }
    }
  }
  if (kustomization.namespace) objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: kustomization.namespace } }));
  return objects;
}

async function validate(object, where) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  const Model = module[object.kind];
  if (!Model) throw new Error(`${where}: unknown kind ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

let count = 0;
for (const target of targets) {
  for (const object of render(join(root, target))) {
    const where = `${target}: ${object.kind}/${object.metadata?.name}`;
    try {
      await validate(object, where);
    } catch (error) {
      console.error(`invalid ${where}\n${error.message}`);
      process.exit(1);
    }
    count++;
  }
}
console.log(`deploy/kubernetes: ${count} objects valid (${targets.join(", ")})`);
