# METADATA
# title: CloudWatch alarm chain helpers
# description: >-
#   The chain behind the CIS monitoring recommendations: a multi-region trail
#   delivers to a log group, a metric filter on that group matches the events,
#   a metric alarm watches the filter's metric, and the alarm notifies an SNS
#   topic that has a subscriber. One helper judges every link, so that each
#   alarm rule only names its events.
# scope: package
# custom:
#   library: true
package tenet.lib.cloudwatch

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# trails is the array of multi-region trails: the chain starts from them.
trails := [t |
	some t in terraform.resources("aws_cloudtrail")
	terraform.is_true(t, "is_multi_region_trail")
]

# deny(tokens, what) is the set of failure findings for trails whose log
# group has no complete chain for a metric filter whose pattern holds every
# word of tokens (event names or fields, matched as whole words); what names
# the events in messages.
deny(tokens, what) := {result.fail_attr(t, "cloud_watch_logs_group_arn", msg) |
	some t in trails
	not _pending(t, tokens)
	msg := _gap(t, tokens, what)
}

# unknown(tokens, what) is the set of unknown findings for trails whose chain
# is incomplete but decided by a value known only after apply.
unknown(tokens, what) := {result.unknown_msg(t, "cloud_watch_logs_group_arn", msg) |
	some t in trails
	_pending(t, tokens)
	_gap(t, tokens, what)
	msg := sprintf("whether a metric filter and alarm watch for %s is unknown until apply", [what])
}

# _gap is the first missing link, undefined when the chain is complete.
_gap(t, tokens, what) := msg if {
	not _delivers(t)
	msg := sprintf("the trail sends no events to CloudWatch Logs, so no alarm can watch for %s", [what])
} else := msg if {
	count(matching(t, tokens)) == 0
	msg := sprintf("no metric filter on the trail's log group matches %s", [what])
} else := msg if {
	count([a | some f in matching(t, tokens); some a in alarms(f)]) == 0
	msg := sprintf("no metric alarm watches the metric of the filter for %s", [what])
} else := msg if {
	not _notified(t, tokens)
	msg := sprintf("no alarm for %s notifies an SNS topic that has a subscriber", [what])
}

_delivers(t) if terraform.get(t, "cloud_watch_logs_group_arn", "") != ""

_delivers(t) if terraform.unknown(t, "cloud_watch_logs_group_arn")

_notified(t, tokens) if {
	some f in matching(t, tokens)
	some a in alarms(f)
	notified(a)
}

_pending(t, _) if {
	terraform.unknown(t, "cloud_watch_logs_group_arn")
	not t.refs.cloud_watch_logs_group_arn
}

_pending(t, _) if {
	some f in filters(t)
	terraform.unknown(f, "pattern")
}

# group_names(t) is the log group name in the trail's known
# cloud_watch_logs_group_arn (arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*).
group_names(t) := {parts[6] |
	parts := split(terraform.get(t, "cloud_watch_logs_group_arn", ""), ":")
	count(parts) >= 7
	parts[5] == "log-group"
}

# filters(t) is the set of metric filters on the log group of trail t:
# joined through the log group resource (plan references, or by value in
# state), or by the group name written in the trail's ARN.
filters(t) := {f |
	some g in terraform.referenced(t, "aws_cloudwatch_log_group", "cloud_watch_logs_group_arn")
	some f in terraform.referencing(g, "aws_cloudwatch_log_metric_filter", "log_group_name")
} | {f |
	some f in terraform.resources("aws_cloudwatch_log_metric_filter")
	terraform.get(f, "log_group_name", null) in group_names(t)
}

# matching(t, tokens) is the set of filters(t) whose pattern contains every
# token as a whole word.
matching(t, tokens) := {f |
	some f in filters(t)
	pattern := terraform.get(f, "pattern", "")
	every token in tokens {
		regex.match(sprintf(`(^|[^A-Za-z0-9])%s([^A-Za-z0-9]|$)`, [token]), pattern)
	}
}

# alarms(f) is the set of metric alarms on the metric that filter f
# publishes: same metric_name and namespace, or a reference to f.
alarms(f) := {a |
	some a in terraform.resources("aws_cloudwatch_metric_alarm")
	some mt in terraform.get(f, "metric_transformation", [])
	terraform.get(a, "metric_name", null) == mt.name
	terraform.get(a, "namespace", null) == mt.namespace
} | {a |
	some a in terraform.resources("aws_cloudwatch_metric_alarm")
	f.config_address in object.get(object.get(a, "refs", {}), "metric_name", [])
}

# notified(a) is true when alarm a has an alarm action whose SNS topic has a
# subscriber. A topic outside the input (an ARN written literally) cannot be
# checked and is accepted; a topic declared in the input needs an
# aws_sns_topic_subscription.
notified(a) if {
	some topic in _topics(a)
	some s in terraform.resources("aws_sns_topic_subscription")
	_subscribes(s, topic)
}

notified(a) if {
	some arn in terraform.get(a, "alarm_actions", [])
	startswith(arn, "arn:")
	contains(arn, ":sns:")
	not arn in {terraform.get(t, "arn", "") | some t in terraform.resources("aws_sns_topic")}
}

_topics(a) := {t |
	some t in terraform.resources("aws_sns_topic")
	t.config_address in object.get(object.get(a, "refs", {}), "alarm_actions", [])
} | {t |
	some t in terraform.resources("aws_sns_topic")
	terraform.get(t, "arn", "") in terraform.get(a, "alarm_actions", [])
}

_subscribes(s, topic) if topic.config_address in object.get(object.get(s, "refs", {}), "topic_arn", [])

_subscribes(s, topic) if {
	arn := terraform.get(topic, "arn", null)
	terraform.get(s, "topic_arn", "") == arn
}
