package catalog

// RuleNames exports ruleNames to the tests.
var RuleNames = ruleNames
