package example;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.tfe.provider.TfeProvider;

import io.github.cdktf_tfe_constructs.Organization;
import io.github.cdktf_tfe_constructs.Project;
import io.github.cdktf_tfe_constructs.ProjectOptions;
import io.github.cdktf_tfe_constructs.Team;
import io.github.cdktf_tfe_constructs.TeamOptions;
import io.github.cdktf_tfe_constructs.VariableOptions;
import io.github.cdktf_tfe_constructs.VariableValue;
import io.github.cdktf_tfe_constructs.Workspace;
import io.github.cdktf_tfe_constructs.WorkspaceAccess;
import io.github.cdktf_tfe_constructs.WorkspaceGroup;
import io.github.cdktf_tfe_constructs.WorkspaceGroupMember;
import io.github.cdktf_tfe_constructs.WorkspaceSettingsOptions;

/**
 * The 1,000-workspace organization of the polyglot benchmark, in Java: the same program as
 * polyglot/bench/generate.js (see there).
 *
 * <pre>java -cp ... example.Generate &lt;calls|group|plain&gt; &lt;N&gt; &lt;outdir&gt;</pre>
 *
 * Prints one JSON line: {"buildMs", "synthMs"}.
 */
public final class Generate {
    static final int TEAMS = 10;
    static final int VARIABLES = 3;

    public static void main(final String[] args) {
        String variant = args[0];
        int n = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        App app = App.Builder.create().outdir(args[2]).build();
        TerraformStack stack = new TerraformStack(app, "bench");
        TfeProvider.Builder.create(stack, "tfe").hostname("app.terraform.io").build();
        Organization org = Organization.Builder.create(stack, "Org").name("bench-org").email("bench@example.com").build();
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) teams.add(org.addTeam("Team" + t, TeamOptions.builder().name("team" + t).build()));
        Project project = org.addProject("Project", ProjectOptions.builder().name("bench").build());

        if (variant.equals("calls")) {
            for (int i = 0; i < n; i++) {
                Workspace ws = Workspace.Builder.create(stack, "W" + i).organization(org).name("ws-" + i).project(project).build();
                for (int v = 0; v < VARIABLES; v++) {
                    ws.addVariable("V" + v, VariableOptions.builder()
                        .key("var" + v).value(VariableValue.string("value-" + v + "-of-ws-" + i)).build());
                }
                ws.grantAccess(teams.get(i % TEAMS), WorkspaceAccess.WRITE);
            }
        } else if (variant.equals("group") || variant.equals("plain")) {
            for (int t = 0; t < TEAMS; t++) {
                List<WorkspaceGroupMember> members = new ArrayList<>();
                for (int i = t; i < n; i += TEAMS) {
                    if (variant.equals("plain")) {
                        Map<String, String> terraformVariables = new LinkedHashMap<>();
                        for (int v = 0; v < VARIABLES; v++) terraformVariables.put("var" + v, "value-" + v + "-of-ws-" + i);
                        members.add(WorkspaceGroupMember.builder().shortName(String.valueOf(i)).terraformVariables(terraformVariables).build());
                    } else {
                        List<VariableOptions> variables = new ArrayList<>();
                        for (int v = 0; v < VARIABLES; v++) {
                            variables.add(VariableOptions.builder().key("var" + v).value(VariableValue.string("value-" + v + "-of-ws-" + i)).build());
                        }
                        members.add(WorkspaceGroupMember.builder().shortName(String.valueOf(i)).variables(variables).build());
                    }
                }
                WorkspaceGroup.Builder.create(stack, "G" + t).organization(org).prefix("ws-").members(members)
                    .settings(WorkspaceSettingsOptions.builder().project(project).build()).build()
                    .grantAccess(teams.get(t), WorkspaceAccess.WRITE);
            }
        } else {
            throw new IllegalArgumentException("unknown variant " + variant);
        }
        long t1 = System.nanoTime();
        app.synth();
        long t2 = System.nanoTime();
        System.out.printf("{\"buildMs\": %.1f, \"synthMs\": %.1f}%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
