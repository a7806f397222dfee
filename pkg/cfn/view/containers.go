package view

import (
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::ECR::Repository":                    ecrRepository,
		"AWS::ECR::RegistryScanningConfiguration": ecrRegistryScanning,
		"AWS::EKS::Cluster":                       eksCluster,
	})
}

// ecrRepository is an aws_ecr_repository and, for RepositoryPolicyText,
// the aws_ecr_repository_policy Terraform keeps it in, pointing at the
// repository. Tags are mutable when ImageTagMutability is left out, and
// images are not scanned on push, as in Terraform.
func ecrRepository(v *View, src *cfn.Resource) {
	repo := v.Main(src, "aws_ecr_repository")
	repo.Set("name", "RepositoryName")
	repo.Set("image_tag_mutability", "ImageTagMutability")
	const scan = "ImageScanningConfiguration"
	if repo.Unknown(scan) {
		repo.UnknownAttr("image_scanning_configuration.0.scan_on_push", scan)
	} else {
		repo.SetFunc("image_scanning_configuration.0.scan_on_push", scan+".ScanOnPush", Bool)
	}
	repo.Set("encryption_configuration.0.encryption_type", "EncryptionConfiguration.EncryptionType")
	repo.Set("encryption_configuration.0.kms_key", "EncryptionConfiguration.KmsKey")
	repo.Tags("tags", "Tags")
	if repo.Writes("RepositoryPolicyText") {
		p := v.Part(src, "aws_ecr_repository_policy", "RepositoryPolicyText", repo, "repository")
		p.Policy("policy", "RepositoryPolicyText")
	}
}

// ecrRegistryScanning is an aws_ecr_registry_scanning_configuration: the
// registry's rules that scan the repositories their filters match.
func ecrRegistryScanning(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_ecr_registry_scanning_configuration")
	c.Set("scan_type", "ScanType")
	if c.Unknown("Rules") {
		c.UnknownAttr("rule", "Rules")
		return
	}
	for i := range c.Len("Rules") {
		to, from := "rule."+strconv.Itoa(i), "Rules."+strconv.Itoa(i)
		c.Set(to+".scan_frequency", from+".ScanFrequency")
		if c.Unknown(from + ".RepositoryFilters") {
			c.UnknownAttr(to+".repository_filter", from+".RepositoryFilters")
			continue
		}
		for j := range c.Len(from + ".RepositoryFilters") {
			f, g := to+".repository_filter."+strconv.Itoa(j), from+".RepositoryFilters."+strconv.Itoa(j)
			c.Set(f+".filter", g+".Filter")
			c.Set(f+".filter_type", g+".FilterType")
		}
	}
}

// eksCluster is an aws_eks_cluster. The defaults agree with Terraform's:
// a public endpoint open to 0.0.0.0/0, no secrets encryption, no control
// plane log exported, the latest version.
func eksCluster(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_eks_cluster")
	c.Set("name", "Name")
	c.Set("version", "Version")
	c.Set("role_arn", "RoleArn")
	c.Tags("tags", "Tags")

	const vpc = "ResourcesVpcConfig"
	if c.Unknown(vpc) {
		c.UnknownAttr("vpc_config.0.endpoint_public_access", vpc)
	} else {
		c.SetFunc("vpc_config.0.endpoint_public_access", vpc+".EndpointPublicAccess", Bool)
		c.SetFunc("vpc_config.0.endpoint_private_access", vpc+".EndpointPrivateAccess", Bool)
		rdsList(c, "vpc_config.0.public_access_cidrs", vpc+".PublicAccessCidrs")
	}

	const enc = "EncryptionConfig"
	if c.Unknown(enc) {
		c.UnknownAttr("encryption_config", enc)
	}
	for i := range c.Len(enc) {
		to, from := "encryption_config."+strconv.Itoa(i), enc+"."+strconv.Itoa(i)
		rdsList(c, to+".resources", from+".Resources")
		if c.Writes(from + ".Provider") {
			// The block exists even when its key's ARN waits on the
			// deployment (a key of the template), as in a plan.
			c.Value(to+".provider", from+".Provider", []any{map[string]any{}})
			c.Set(to+".provider.0.key_arn", from+".Provider.KeyArn")
		}
	}
	eksLogTypes(c)
}

// eksLogTypes writes Logging.ClusterLogging.EnabledTypes, a list of
// {Type: api}, as enabled_cluster_log_types, Terraform's list of names; a
// list with a part the deployment decides is unknown.
func eksLogTypes(c *Res) {
	const attr, prop = "enabled_cluster_log_types", "Logging.ClusterLogging.EnabledTypes"
	if !c.Has(prop) {
		for _, u := range c.src.Unknown {
			if strings.HasPrefix(prop, u+".") {
				c.UnknownAttr(attr, u) // Logging or ClusterLogging left to the deployment
				return
			}
		}
		return
	}
	for _, u := range c.src.Unknown {
		if u == prop || strings.HasPrefix(u, prop+".") {
			c.UnknownAttr(attr, prop)
			return
		}
	}
	types := []any{}
	for i := range c.Len(prop) {
		if t, ok := c.Get(prop + "." + strconv.Itoa(i) + ".Type"); ok {
			types = append(types, t)
		}
	}
	c.Value(attr, prop, types)
}
