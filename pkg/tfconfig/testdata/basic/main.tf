terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      owner = "platform"
    }
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "env" {
  type = string
}

variable "open_ports" {
  type    = list(number)
  default = [22, 443]
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "hunter2"
}

locals {
  name   = "app-${var.env}"
  public = var.env != "prod"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"
  tags = {
    Name = local.name
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = var.open_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = local.public ? ["0.0.0.0/0"] : ["10.0.0.0/8"]
    }
  }
}

resource "aws_ebs_volume" "data" {
  count             = 2
  availability_zone = "${var.region}a"
  size              = 10
  encrypted         = count.index == 0
}

resource "aws_db_instance" "db" {
  for_each          = toset(["a", "b"])
  identifier        = "db-${each.key}"
  password          = var.db_password
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

resource "aws_kms_key" "db" {
  enable_key_rotation = false
}

resource "aws_instance" "many" {
  count = length(data.aws_subnets.all.ids)
  ami   = "ami-123"
}

data "aws_subnets" "all" {}

module "bucket" {
  source = "./modules/bucket"
  name   = "${local.name}-data"
  kms    = aws_kms_key.db.arn
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
