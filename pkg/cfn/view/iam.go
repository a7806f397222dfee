package view

import (
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::IAM::Role":                iamRole,
		"AWS::IAM::User":                iamUser,
		"AWS::IAM::Group":               iamGroup,
		"AWS::IAM::Policy":              iamPolicy,
		"AWS::IAM::ManagedPolicy":       iamPolicy,
		"AWS::IAM::RolePolicy":          iamInlinePolicy("aws_iam_role_policy", "role", "RoleName"),
		"AWS::IAM::UserPolicy":          iamInlinePolicy("aws_iam_user_policy", "user", "UserName"),
		"AWS::IAM::GroupPolicy":         iamInlinePolicy("aws_iam_group_policy", "group", "GroupName"),
		"AWS::IAM::AccessKey":           iamAccessKey,
		"AWS::IAM::UserToGroupAddition": iamGroupAddition,
		"AWS::AccessAnalyzer::Analyzer": accessAnalyzer,
	})
}

// iamRole is an aws_iam_role with its managed policies in
// managed_policy_arns, as the rules read them, and each inline policy of
// Policies as an aws_iam_role_policy pointing at the role, the resource
// the policy rules judge.
func iamRole(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_iam_role")
	r.Set("name", "RoleName")
	r.Set("path", "Path")
	r.Set("description", "Description")
	r.Policy("assume_role_policy", "AssumeRolePolicyDocument")
	iamNames(r, "managed_policy_arns", "ManagedPolicyArns")
	r.Set("permissions_boundary", "PermissionsBoundary")
	r.SetFunc("max_session_duration", "MaxSessionDuration", Number)
	r.Tags("tags", "Tags")
	iamInlinePolicies(v, src, r, "aws_iam_role_policy", "role")
}

// iamUser is an aws_iam_user; its console password (LoginProfile) an
// aws_iam_user_login_profile, its inline policies aws_iam_user_policy
// and its managed policies aws_iam_user_policy_attachment, each pointing
// at the user.
func iamUser(v *View, src *cfn.Resource) {
	u := v.Main(src, "aws_iam_user")
	u.Set("name", "UserName")
	u.Set("path", "Path")
	u.Set("permissions_boundary", "PermissionsBoundary")
	u.Tags("tags", "Tags")
	if u.Writes("LoginProfile") {
		l := v.Part(src, "aws_iam_user_login_profile", "LoginProfile", u, "user")
		l.SetFunc("password_reset_required", "LoginProfile.PasswordResetRequired", Bool)
	}
	iamInlinePolicies(v, src, u, "aws_iam_user_policy", "user")
	iamAttachments(v, src, u, "aws_iam_user_policy_attachment", "user")
	// Groups is Terraform's aws_iam_user_group_membership: the groups by
	// name, a !Ref to a group of the template referring to it.
	if u.Writes("Groups") {
		m := v.Part(src, "aws_iam_user_group_membership", "Groups", u, "user")
		m.SetList("groups", "Groups")
	}
}

// iamGroupAddition is an aws_iam_group_membership: the users it adds to
// the group GroupName.
func iamGroupAddition(v *View, src *cfn.Resource) {
	m := v.Main(src, "aws_iam_group_membership")
	m.Set("name", "GroupName")
	m.Set("group", "GroupName")
	m.SetList("users", "Users")
}

// iamGroup is an aws_iam_group with its inline policies
// (aws_iam_group_policy) and managed policies
// (aws_iam_group_policy_attachment).
func iamGroup(v *View, src *cfn.Resource) {
	g := v.Main(src, "aws_iam_group")
	g.Set("name", "GroupName")
	g.Set("path", "Path")
	iamInlinePolicies(v, src, g, "aws_iam_group_policy", "group")
	iamAttachments(v, src, g, "aws_iam_group_policy_attachment", "group")
}

// iamPolicy is an aws_iam_policy holding the document, and, for each of
// Users, Roles and Groups the template writes, an
// aws_iam_policy_attachment of the policy to them. AWS::IAM::Policy is
// an inline policy of each identity it names, but its document is one:
// judged once here, as the policy rules would judge one
// aws_iam_policy_document shared by several inline policies.
func iamPolicy(v *View, src *cfn.Resource) {
	p := v.Main(src, "aws_iam_policy")
	p.Set("name", "PolicyName")        // AWS::IAM::Policy
	p.Set("name", "ManagedPolicyName") // AWS::IAM::ManagedPolicy
	p.Set("path", "Path")
	p.Set("description", "Description")
	p.Policy("policy", "PolicyDocument")
	for _, to := range [][2]string{{"users", "Users"}, {"roles", "Roles"}, {"groups", "Groups"}} {
		if p.Writes(to[1]) {
			a := v.Part(src, "aws_iam_policy_attachment", to[1], p, "policy_arn")
			iamNames(a, to[0], to[1])
		}
	}
}

// iamInlinePolicy maps AWS::IAM::RolePolicy, UserPolicy and GroupPolicy
// to the Terraform resource typ, whose attribute attr names the identity
// that property prop names.
func iamInlinePolicy(typ, attr, prop string) mapping {
	return func(v *View, src *cfn.Resource) {
		p := v.Main(src, typ)
		p.Set("name", "PolicyName")
		p.Set(attr, prop)
		p.Policy("policy", "PolicyDocument")
	}
}

// iamAccessKey is an aws_iam_access_key. Status defaults to Active in both.
// A template never holds the key's creation date: its age is not judged.
func iamAccessKey(v *View, src *cfn.Resource) {
	k := v.Main(src, "aws_iam_access_key")
	k.Set("user", "UserName")
	k.Set("status", "Status")
}

// accessAnalyzer is an aws_accessanalyzer_analyzer; Type is required in
// CloudFormation.
func accessAnalyzer(v *View, src *cfn.Resource) {
	a := v.Main(src, "aws_accessanalyzer_analyzer")
	a.Set("analyzer_name", "AnalyzerName")
	a.Set("type", "Type")
	a.Tags("tags", "Tags")
}

// iamInlinePolicies writes each policy of the identity's Policies list as
// a resource of type typ (aws_iam_role_policy...) whose attribute attr
// points at the identity main. A list the deployment decides (a policy
// under a condition on a parameter) is one more such resource with an
// unknown document, so that the policy rules say unknown.
func iamInlinePolicies(v *View, src *cfn.Resource, main *Res, typ, attr string) {
	const prop = "Policies"
	if main.Unknown(prop) {
		p := v.Part(src, typ, prop, main, attr)
		p.UnknownAttr("policy", prop)
	}
	// The known policies of a list that also holds unknown ones are
	// still judged: read the list itself, not through Len.
	list, _ := cfn.Lookup(src.Properties, prop)
	items, _ := list.([]any)
	for i := range items {
		item := prop + "." + strconv.Itoa(i)
		p := v.Part(src, typ, item, main, attr)
		p.Set("name", item+".PolicyName")
		p.Policy("policy", item+".PolicyDocument")
	}
}

// iamAttachments writes each ARN of the identity's ManagedPolicyArns as
// a resource of type typ (aws_iam_user_policy_attachment...) whose
// attribute attr points at the identity main.
func iamAttachments(v *View, src *cfn.Resource, main *Res, typ, attr string) {
	const prop = "ManagedPolicyArns"
	if main.Unknown(prop) {
		a := v.Part(src, typ, prop, main, attr)
		a.UnknownAttr("policy_arn", prop)
		return
	}
	for i := range main.Len(prop) {
		item := prop + "." + strconv.Itoa(i)
		a := v.Part(src, typ, item, main, attr)
		iamName(a, "policy_arn", item)
	}
}

// iamNames writes the list of names or ARNs of property prop to attr
// (iamName for each item); a list the deployment decides is unknown.
func iamNames(r *Res, attr, prop string) {
	if !r.Writes(prop) {
		return
	}
	if r.Unknown(prop) {
		r.UnknownAttr(attr, prop)
		return
	}
	r.from(attr, prop)
	list := make([]any, r.Len(prop))
	r.put(attr, list)
	for i := range list {
		iamName(r, attr+"."+strconv.Itoa(i), prop+"."+strconv.Itoa(i))
	}
}

// iamName writes the name or ARN of property prop to attr. One that
// refers to a resource of the template, the account or the region is
// written by name ("${Boundary}", "arn:aws:iam::${AWS::AccountId}:..."),
// as Policy writes a document: it is never empty, nor a wildcard, nor an
// AWS managed policy other than the one it names. The partition is
// written aws: the rules match arn:aws[a-z-]* for every partition, so
// that !Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess is
// that policy. A value the deployment decides (a parameter without
// default) is unknown.
func iamName(r *Res, attr, prop string) {
	v, ok := r.src.Render(prop)
	s, isString := v.(string)
	if !ok || !isString {
		r.UnknownAttr(attr, prop)
		return
	}
	r.from(attr, prop)
	r.put(attr, strings.ReplaceAll(s, "${AWS::Partition}", "aws"))
}
