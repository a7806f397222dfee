resource "aws_ebs_volume" "v" {
  size = = 10
}
