package bundles_test

import (
	"fmt"
	"testing"
)

// TestGCPJoinsScaleLinearly times the GCP rules that join resources of
// several types (checkScale): each looks its matches up in indexes built
// once per query, where a scan of every resource of the other type (or of
// every grant) for every resource grew as the square of the input. With
// the scans, 4n units took 14-17× the time of n, which took 0.08-0.4 s.
func TestGCPJoinsScaleLinearly(t *testing.T) {
	// A network and the DNS policy attached to it: by reference, or by a
	// network_url; logged, not logged, or with logging unknown until apply.
	checkScale(t, 100, []scaleCase{{
		pkg: "tenet.gcp.logging.dns_logging",
		unit: func(i int) []map[string]any {
			name := fmt.Sprintf("net-%d", i)
			net := managed("google_compute_network", name, map[string]any{"name": name, "project": "prod"}, nil)
			url := fmt.Sprintf("projects/prod/global/networks/%s", name)
			values := map[string]any{"enable_logging": i%4 != 2, "networks": []any{map[string]any{"network_url": url}}}
			var refs map[string]any
			switch i % 4 {
			case 0: // by reference alone
				values["networks"] = []any{map[string]any{}}
				refs = map[string]any{"networks.network_url": []any{net["config_address"]}}
			case 3: // enable_logging from a local
				delete(values, "enable_logging")
			}
			policy := managed("google_dns_policy", fmt.Sprintf("p%d", i), values, refs)
			if i%4 == 3 {
				policy["unknown"] = []any{"enable_logging"}
			}
			return []map[string]any{net, policy}
		},
	}})

	// Buckets that log into another, by name or by reference; a log bucket,
	// a sink's destination, and a bucket that logs nowhere.
	checkScale(t, 60, []scaleCase{{
		pkg: "tenet.gcp.storage.access_logging",
		unit: func(i int) []map[string]any {
			bucket := func(name string, logging []any) map[string]any {
				return managed("google_storage_bucket", name, map[string]any{"name": fmt.Sprintf("acme-%s", name), "logging": logging}, nil)
			}
			logs := bucket(fmt.Sprintf("logs%d", i), []any{})
			data := bucket(fmt.Sprintf("data%d", i), []any{map[string]any{"log_bucket": fmt.Sprintf("acme-logs%d", i)}})
			byRef := bucket(fmt.Sprintf("app%d", i), []any{map[string]any{}})
			byRef["refs"] = map[string]any{"logging.log_bucket": []any{logs["config_address"]}}
			byRef["unknown"] = []any{"logging.0.log_bucket"}
			audit := bucket(fmt.Sprintf("audit%d", i), []any{})
			sink := managed("google_logging_project_sink", fmt.Sprintf("s%d", i), map[string]any{"destination": fmt.Sprintf("storage.googleapis.com/acme-audit%d", i)}, nil)
			web := bucket(fmt.Sprintf("web%d", i), []any{})
			return []map[string]any{logs, data, byRef, audit, sink, web}
		},
	}})

	// Project grants: a member with both roles in its project, an unknown
	// member, a member of the other role alone, and a member who holds the
	// two roles in different projects (an index by member alone would
	// still match each of that member's grants with all the others).
	duties := func(pkg, admin, user string) scaleCase {
		return scaleCase{pkg: pkg, unit: func(i int) []map[string]any {
			project := fmt.Sprintf("proj-%d", i)
			grant := func(name, role, member string) map[string]any {
				values := map[string]any{"project": project, "role": role, "member": member}
				return managed("google_project_iam_member", fmt.Sprintf("%s%d", name, i), values, nil)
			}
			who := fmt.Sprintf("user:u%d@acme.com", i)
			unknown := grant("x", admin, "")
			unknown["values"].(map[string]any)["member"] = nil
			unknown["unknown"] = []any{"member"}
			binding := managed("google_project_iam_binding", fmt.Sprintf("b%d", i), map[string]any{"project": project, "role": user, "members": []any{fmt.Sprintf("group:g%d@acme.com", i)}}, nil)
			ops := grant("ops", admin, "group:ops@acme.com")
			if i%2 == 1 {
				ops = grant("ops", user, "group:ops@acme.com")
			}
			return []map[string]any{grant("a", admin, who), grant("u", user, who), unknown, binding, ops}
		}}
	}
	checkScale(t, 60, []scaleCase{
		duties("tenet.gcp.iam.kms_duties", "roles/cloudkms.admin", "roles/cloudkms.cryptoKeyEncrypterDecrypter"),
		duties("tenet.gcp.iam.service_account_duties", "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountUser"),
	})

	// A dataset per project, all with one dataset_id, and its tables: one
	// that inherits the dataset's default key or has none, one with its own
	// key, and one by reference.
	checkScale(t, 80, []scaleCase{{
		pkg: "tenet.gcp.bigquery.table_cmek",
		unit: func(i int) []map[string]any {
			project := fmt.Sprintf("proj-%d", i)
			kms := map[string]any{"kms_key_name": fmt.Sprintf("projects/%s/locations/eu/keyRings/r/cryptoKeys/k", project)}
			values := map[string]any{"dataset_id": "analytics", "project": project}
			if i%2 == 0 {
				values["default_encryption_configuration"] = []any{kms}
			}
			ds := managed("google_bigquery_dataset", fmt.Sprintf("d%d", i), values, nil)
			table := func(name string, values map[string]any) map[string]any {
				values["project"] = project
				return managed("google_bigquery_table", fmt.Sprintf("%s%d", name, i), values, nil)
			}
			inherits := table("t", map[string]any{"dataset_id": "analytics"})
			own := table("own", map[string]any{"dataset_id": "analytics", "encryption_configuration": []any{kms}})
			byRef := table("ref", map[string]any{})
			byRef["refs"] = map[string]any{"dataset_id": []any{ds["config_address"]}}
			byRef["unknown"] = []any{"dataset_id"}
			return []map[string]any{ds, inherits, own, byRef}
		},
	}})
}
