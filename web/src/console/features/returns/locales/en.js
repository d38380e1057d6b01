export default {
  returnsPolicy: {
    title: 'Return policy', store: 'Store', chain: 'Whole chain (stores without their own)', hint: 'Rules are tried from the top; the first that matches decides. When none matches, a supervisor decides.',
    inForceDefaults: 'In force: the default policy', inForceStore: "In force: this store's version {version}", inForceChain: "In force: the chain's policy (version {version})",
    savedBy: 'Saved by {who} at {at}', order: '#', name: 'Rule', when: 'When', decision: 'Decision', remedy: 'Remedy', customer: 'The customer is told',
    enabled: 'On', actions: 'Actions', up: 'Up', down: 'Down', edit: 'Edit', remove: 'Delete', add: 'Add a rule',
    save: 'Save the policy', note: 'Why (optional)', saved: 'Policy saved', restore: 'Restore the defaults', restoreConfirm: 'Restore the default policy? The current rules stay in the history.',
    restored: 'The default policy is restored', unsaved: 'Unsaved changes', readOnly: "Store managers and above edit their store's policy; admins edit the chain's.",
    check: 'Try against the test cases', checkHint: "Runs the rules being edited against {count} cases (the server tests' case table); nothing is saved.",
    passed: '{n} passed', failed: '{n} failed', allPassed: 'Every case passed', history: 'History', version: 'Version', defaults: 'Defaults',
    created: 'Saved at', by: 'Saved by', rules: 'Rules', empty: 'No rules: a supervisor decides every request',
  },
  returnRule: {
    edit: 'Edit the rule', id: 'Rule id', idHint: 'a-z, 0-9 and _', name: 'Name', enabled: 'On',
    scope: 'Scope (none selected: any)', categories: 'Categories', brands: 'Brands', brandsHint: 'Type a brand, then Enter', tiers: 'Member tiers',
    match: 'Requests (none selected: any)', conditions: 'Condition', quality: 'Quality fault', receipt: 'Receipt', any: 'Any', yes: 'Yes', no: 'No',
    receiptYes: 'Receipt or a purchase record', receiptNo: 'No receipt and no record', maxDays: 'Bought at most', days: 'days ago', promotions: 'Sold as',
    outcome: 'Outcome', decision: 'Decision', remedy: 'Remedy', customerZh: 'Customer words (Chinese)', customerEn: 'Customer words (English)',
    agentZh: 'Agent words (Chinese)', agentEn: 'Agent words (English)', apply: 'OK', cancel: 'Cancel',
  },
};
