package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::ElasticLoadBalancingV2::LoadBalancer": loadBalancer,
		"AWS::ElasticLoadBalancingV2::Listener":     listener,
		"AWS::WAFv2::WebACLAssociation":             wafAssociation,
	})
}

// lbAttributes maps the LoadBalancerAttributes keys the rules read to
// Terraform's attributes; each is a Boolean written as a string.
var lbAttributes = map[string]string{
	"access_logs.s3.enabled":                                   "access_logs.0.enabled",
	"deletion_protection.enabled":                              "enable_deletion_protection",
	"routing.http.drop_invalid_header_fields.enabled":          "drop_invalid_header_fields",
	"access_logs.s3.bucket":                                    "access_logs.0.bucket",
	"access_logs.s3.prefix":                                    "access_logs.0.prefix",
	"load_balancing.cross_zone.enabled":                        "enable_cross_zone_load_balancing",
	"routing.http.desync_mitigation_mode":                      "desync_mitigation_mode",
	"routing.http.x_amzn_tls_version_and_cipher_suite.enabled": "enable_tls_version_and_cipher_suite_headers",
}

// lbTextAttributes are the attributes of lbAttributes that hold text.
var lbTextAttributes = map[string]bool{"access_logs.0.bucket": true, "access_logs.0.prefix": true, "desync_mitigation_mode": true}

// loadBalancer is an aws_lb: Scheme internal is internal = true (left out,
// AWS creates an internet-facing one), Type defaults to application, and
// the LoadBalancerAttributes list of Key/Value pairs becomes the
// attributes Terraform names; an attribute the template leaves out has
// AWS's default, false.
func loadBalancer(v *View, src *cfn.Resource) {
	lb := v.Main(src, "aws_lb")
	lb.Set("name", "Name")
	if lb.Has("Scheme") || lb.Unknown("Scheme") {
		lb.SetFunc("internal", "Scheme", func(s any) (any, bool) { return s == "internal", true })
	} else {
		lb.Value("internal", "Scheme", false)
	}
	if lb.Has("Type") || lb.Unknown("Type") {
		lb.Set("load_balancer_type", "Type")
	} else {
		lb.Value("load_balancer_type", "Type", "application")
	}
	lb.Tags("tags", "Tags")
	const attrs = "LoadBalancerAttributes"
	if lb.Unknown(attrs) {
		for _, attr := range lbAttributes {
			lb.UnknownAttr(attr, attrs)
		}
		return
	}
	for i := range lb.Len(attrs) {
		item := attrs + "." + strconv.Itoa(i)
		key, _ := lb.Get(item + ".Key")
		attr, ok := lbAttributes[textOf(key)]
		if !ok {
			continue
		}
		if lbTextAttributes[attr] {
			lb.Set(attr, item+".Value")
		} else {
			lb.SetFunc(attr, item+".Value", Bool)
		}
	}
}

// listener is an aws_lb_listener, its DefaultActions as default_action
// blocks with their redirect.
func listener(v *View, src *cfn.Resource) {
	l := v.Main(src, "aws_lb_listener")
	l.Set("load_balancer_arn", "LoadBalancerArn")
	l.Set("protocol", "Protocol")
	l.SetFunc("port", "Port", Number)
	l.Set("ssl_policy", "SslPolicy")
	const actions = "DefaultActions"
	if l.Unknown(actions) {
		l.UnknownAttr("default_action", actions)
		return
	}
	for i := range l.Len(actions) {
		block, from := "default_action."+strconv.Itoa(i), actions+"."+strconv.Itoa(i)
		l.Set(block+".type", from+".Type")
		if l.Has(from+".RedirectConfig") || l.Unknown(from+".RedirectConfig") {
			l.Set(block+".redirect.0.protocol", from+".RedirectConfig.Protocol")
			l.Set(block+".redirect.0.port", from+".RedirectConfig.Port")
			l.Set(block+".redirect.0.status_code", from+".RedirectConfig.StatusCode")
		}
	}
}

// wafAssociation is an aws_wafv2_web_acl_association.
func wafAssociation(v *View, src *cfn.Resource) {
	a := v.Main(src, "aws_wafv2_web_acl_association")
	a.Set("resource_arn", "ResourceArn")
	a.Set("web_acl_arn", "WebACLArn")
}
