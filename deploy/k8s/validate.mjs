// Validates rendered manifests offline against the Kubernetes OpenAPI schemas (kubernetes-models).
// Usage: deploy/k8s/validate.sh [overlay]   (renders with `kubectl kustomize`, then runs this on stdin)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const docs = parseAllDocuments(readFileSync(0, "utf8")).map(d => d.toJSON()).filter(Boolean);
let failures = 0;
for (const doc of docs) {
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  const modulePath = group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
  const name = `${doc.kind}/${doc.metadata?.name}`;
  let models;
  try {
    models = await import(modulePath);
  } catch {
    // Operator resources (RabbitmqCluster, CloudNativePG Cluster) have no bundled schema: check the shape we rely on.
    const ok = doc.metadata?.name && doc.spec && typeof doc.spec === "object";
    console.log(`${ok ? "ok  " : "FAIL"} ${name} (${doc.apiVersion}: custom resource, structure only)`);
    if (!ok) failures++;
    continue;
  }
  const Model = models[doc.kind];
  if (!Model) { console.log(`FAIL ${name}: unknown kind in ${doc.apiVersion}`); failures++; continue; }
  try {
    new Model(doc).validate();
    console.log(`ok   ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}`);
    failures++;
  }
}
console.log(`${docs.length} resources, ${failures} invalid`);
process.exit(failures ? 1 : 0);
