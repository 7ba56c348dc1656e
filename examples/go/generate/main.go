// The 1,000-workspace organization of the polyglot benchmark, in Go: the same program as
// polyglot/bench/generate.js (see there).
//
//	generate <calls|group|plain> <N> <outdir>
//
// Prints one JSON line: {"buildMs", "synthMs"}.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/aws/jsii-runtime-go"
	tfe "github.com/cdktf-tfe-constructs/cdktf-tfe-constructs-go/cdktftfeconstructs"
	"github.com/cdktf/cdktf-provider-tfe-go/tfe/v12/provider"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

const (
	teamCount     = 10
	variableCount = 3
)

func main() {
	variant := os.Args[1]
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		panic(err)
	}
	t0 := time.Now()
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(os.Args[3])})
	stack := cdktf.NewTerraformStack(app, jsii.String("bench"))
	provider.NewTfeProvider(stack, jsii.String("tfe"), &provider.TfeProviderConfig{Hostname: jsii.String("app.terraform.io")})
	org := tfe.NewOrganization(stack, jsii.String("Org"), &tfe.OrganizationProps{Name: jsii.String("bench-org"), Email: jsii.String("bench@example.com")})
	teams := make([]tfe.Team, teamCount)
	for t := range teams {
		teams[t] = org.AddTeam(jsii.String(fmt.Sprintf("Team%d", t)), &tfe.TeamOptions{Name: jsii.String(fmt.Sprintf("team%d", t))})
	}
	project := org.AddProject(jsii.String("Project"), &tfe.ProjectOptions{Name: jsii.String("bench")})

	value := func(v, i int) tfe.VariableValue {
		return tfe.VariableValue_String(jsii.String(fmt.Sprintf("value-%d-of-ws-%d", v, i)))
	}
	switch variant {
	case "calls":
		for i := 0; i < n; i++ {
			ws := tfe.NewWorkspace(stack, jsii.String(fmt.Sprintf("W%d", i)), &tfe.WorkspaceProps{
				Organization: org, Name: jsii.String(fmt.Sprintf("ws-%d", i)), Project: project,
			})
			for v := 0; v < variableCount; v++ {
				ws.AddVariable(jsii.String(fmt.Sprintf("V%d", v)), &tfe.VariableOptions{Key: jsii.String(fmt.Sprintf("var%d", v)), Value: value(v, i)})
			}
			ws.GrantAccess(teams[i%teamCount], tfe.WorkspaceAccess_WRITE())
		}
	case "group", "plain":
		for t := 0; t < teamCount; t++ {
			members := []*tfe.WorkspaceGroupMember{}
			for i := t; i < n; i += teamCount {
				if variant == "plain" {
					terraformVariables := map[string]*string{}
					for v := 0; v < variableCount; v++ {
						terraformVariables[fmt.Sprintf("var%d", v)] = jsii.String(fmt.Sprintf("value-%d-of-ws-%d", v, i))
					}
					members = append(members, &tfe.WorkspaceGroupMember{ShortName: jsii.String(strconv.Itoa(i)), TerraformVariables: &terraformVariables})
					continue
				}
				variables := []*tfe.VariableOptions{}
				for v := 0; v < variableCount; v++ {
					variables = append(variables, &tfe.VariableOptions{Key: jsii.String(fmt.Sprintf("var%d", v)), Value: value(v, i)})
				}
				members = append(members, &tfe.WorkspaceGroupMember{ShortName: jsii.String(strconv.Itoa(i)), Variables: &variables})
			}
			tfe.NewWorkspaceGroup(stack, jsii.String(fmt.Sprintf("G%d", t)), &tfe.WorkspaceGroupProps{
				Organization: org, Prefix: jsii.String("ws-"), Members: &members,
				Settings: &tfe.WorkspaceSettingsOptions{Project: project},
			}).GrantAccess(teams[t], tfe.WorkspaceAccess_WRITE())
		}
	default:
		panic("unknown variant " + variant)
	}
	t1 := time.Now()
	app.Synth()
	t2 := time.Now()
	fmt.Printf("{\"buildMs\": %.1f, \"synthMs\": %.1f}\n", float64(t1.Sub(t0).Microseconds())/1000, float64(t2.Sub(t1).Microseconds())/1000)
}
