// The example platform in Go (main.go) and the 1,000-workspace generator (generate/).
//
// Neither this library's Go module nor github.com/cdktf/cdktf-provider-tfe-go/tfe/v12 is
// served by the Go module proxy: polyglot/run.sh generates both with jsii-pacmak and runs this
// module with a copy of this file (-modfile) that adds `replace` directives to them.
module example

go 1.25

require (
	github.com/aws/constructs-go/constructs/v10 v10.4.2
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdktf-tfe-constructs/cdktf-tfe-constructs-go/cdktftfeconstructs v0.0.0
	github.com/cdktf/cdktf-provider-tfe-go/tfe/v12 v12.5.1
	github.com/hashicorp/terraform-cdk-go/cdktf v0.21.0
)
