package view

import "github.com/tenet-dev/tenet/pkg/cfn"

func init() {
	register(map[string]mapping{
		"AWS::AutoScaling::AutoScalingGroup": autoScalingGroup,
	})
}

// autoScalingGroup is an aws_autoscaling_group: where it places its
// instances and what it launches them from. A LaunchConfigurationName
// that refers to a launch configuration of the template points at it, as
// a Terraform reference does, so that a rule can tell it from a name
// that is merely unknown.
func autoScalingGroup(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_autoscaling_group")
	r.Set("availability_zones", "AvailabilityZones")
	r.Set("vpc_zone_identifier", "VPCZoneIdentifier")
	r.Set("launch_configuration", "LaunchConfigurationName")
	r.Set("launch_template.0.id", "LaunchTemplate.LaunchTemplateId")
	r.Set("launch_template.0.name", "LaunchTemplate.LaunchTemplateName")
	r.Set("launch_template.0.version", "LaunchTemplate.Version")
	const spec = "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification"
	const attr = "mixed_instances_policy.0.launch_template.0.launch_template_specification.0"
	r.Set(attr+".launch_template_id", spec+".LaunchTemplateId")
	r.Set(attr+".launch_template_name", spec+".LaunchTemplateName")
	r.Set(attr+".version", spec+".Version")
	r.SetFunc("min_size", "MinSize", Number)
	r.SetFunc("max_size", "MaxSize", Number)
}
