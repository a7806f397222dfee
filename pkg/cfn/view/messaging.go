package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::SNS::Topic":             snsTopic,
		"AWS::SNS::Subscription":      snsSubscription,
		"AWS::SNS::TopicPolicy":       messagingPolicy("aws_sns_topic_policy", "arn", "Topics"),
		"AWS::SNS::TopicInlinePolicy": messagingPolicy("aws_sns_topic_policy", "arn", "TopicArn"),
		"AWS::SQS::Queue":             sqsQueue,
		"AWS::SQS::QueuePolicy":       messagingPolicy("aws_sqs_queue_policy", "queue_url", "Queues"),
		"AWS::SQS::QueueInlinePolicy": messagingPolicy("aws_sqs_queue_policy", "queue_url", "Queue"),
	})
}

// snsTopic is an aws_sns_topic. Without KmsMasterKeyId messages are not
// encrypted with KMS, as in Terraform. The topic's policy is a separate
// resource in CloudFormation: left out here, as Terraform computes it
// (the default policy, tied to the owner).
func snsTopic(v *View, src *cfn.Resource) {
	t := v.Main(src, "aws_sns_topic")
	t.Set("name", "TopicName")
	t.SetFunc("fifo_topic", "FifoTopic", Bool)
	t.Set("kms_master_key_id", "KmsMasterKeyId")
	t.Tags("tags", "Tags")
	// The topic's inline subscriptions are what Terraform declares as
	// aws_sns_topic_subscription resources for it: the CloudWatch alarm
	// rules ask whether an alarm's topic has a subscriber.
	for i := range t.Len("Subscription") {
		from := "Subscription." + strconv.Itoa(i)
		sub := v.Part(src, "aws_sns_topic_subscription", from, t, "topic_arn")
		sub.Set("protocol", from+".Protocol")
		sub.Set("endpoint", from+".Endpoint")
	}
	if t.Unknown("Subscription") {
		sub := v.Part(src, "aws_sns_topic_subscription", "Subscription", t, "topic_arn")
		sub.UnknownAttr("endpoint", "Subscription")
	}
}

// snsSubscription is an aws_sns_topic_subscription.
func snsSubscription(v *View, src *cfn.Resource) {
	s := v.Main(src, "aws_sns_topic_subscription")
	s.Set("topic_arn", "TopicArn")
	s.Set("protocol", "Protocol")
	s.Set("endpoint", "Endpoint")
}

// sqsQueue is an aws_sqs_queue. Left out, SqsManagedSseEnabled is true
// for a new queue without a KMS key (SSE-SQS by default since 2022), which
// is what the rule assumes of an absent attribute.
func sqsQueue(v *View, src *cfn.Resource) {
	q := v.Main(src, "aws_sqs_queue")
	q.Set("name", "QueueName")
	q.SetFunc("fifo_queue", "FifoQueue", Bool)
	q.Set("kms_master_key_id", "KmsMasterKeyId")
	q.SetFunc("sqs_managed_sse_enabled", "SqsManagedSseEnabled", Bool)
	q.Tags("tags", "Tags")
}

// messagingPolicy maps a topic or queue policy to typ, with its target in
// attr. TopicPolicy and QueuePolicy name a list of targets that share
// one document: one resource judges the document once, its attr holding
// the first target and referring to all of them.
func messagingPolicy(typ, attr, targets string) mapping {
	return func(v *View, src *cfn.Resource) {
		p := v.Main(src, typ)
		if p.Writes(targets + ".0") {
			p.Set(attr, targets+".0")
			p.from(attr, targets) // the references of every target
		} else {
			p.Set(attr, targets)
		}
		p.Policy("policy", "PolicyDocument")
	}
}
