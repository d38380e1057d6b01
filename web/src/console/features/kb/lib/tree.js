// The category list as a tree for el-tree-select / el-tree, and a category's path of names.
export function categoryTree(categories) {
  const nodes = new Map(categories.map((c) => [c.id, { value: c.id, label: c.name, id: c.id, position: c.position, children: [] }]));
  const roots = [];
  for (const c of categories) {
    const node = nodes.get(c.id);
    const parent = c.parent_id != null ? nodes.get(c.parent_id) : null;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function categoryPath(categories, id) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names = [];
  for (let c = byId.get(id), depth = 0; c && depth < 64; c = byId.get(c.parent_id), depth++) names.unshift(c.name);
  return names.join(' / ');
}
