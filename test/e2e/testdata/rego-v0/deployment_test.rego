package main

test_root_denied {
  deny["Containers must not run as root"] with input as {"kind": "Deployment", "metadata": {"name": "x"}, "spec": {"template": {"spec": {}}}}
}
