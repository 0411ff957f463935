"""The one translation table: every user-facing text of cdsim, in English and Brazilian
Portuguese.

A data table, not logic: ``key -> (English, Brazilian Portuguese)``. Keys are grouped by
where they appear (practices and stations, bands, metrics, units, charts, the command
line, the explorer). Names of the domain are declared once elsewhere (the practices in
:mod:`cdsim.practices.names`, the metrics in :mod:`cdsim.metrics.definitions`, the bands in
:mod:`cdsim.metrics.bands`); the keys here refer to them (``practice.<name>``,
``metric.<name>``, ``band.<name>``), and a test checks that every name has its texts.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # practices
    "practice.integration": ("Continuous Integration", "Integração Contínua"),
    "practice.delivery": ("Continuous Delivery", "Entrega Contínua"),
    "practice.deployment": ("Continuous Deployment", "Deploy Contínuo"),
    "practice.integration.short": ("Integration", "Integração"),
    "practice.delivery.short": ("Delivery", "Entrega"),
    "practice.deployment.short": ("Deployment", "Deploy"),
    "practice.integration.gate": ("manual release", "release manual"),
    # stations of the pipeline
    "station.source_control": ("Source Control", "Controle de Versão"),
    "station.source_control.detail": ("commit changes", "commit das alterações"),
    "station.build": ("Build", "Build"),
    "station.build.detail": ("run build and unit tests", "build e testes unitários"),
    "station.staging": ("Staging", "Homologação"),
    "station.staging.detail": (
        "deploy to test environment; run integration, load and other tests",
        "deploy no ambiente de testes; testes de integração, de carga e outros",
    ),
    "station.production": ("Production", "Produção"),
    "station.production.detail": (
        "deploy to production environment",
        "deploy no ambiente de produção",
    ),
    "flow.automated": ("automated", "automatizado"),
    "flow.commit": ("commit", "commit"),
    # gates
    "gate.approve": ("approve deploy", "aprovar deploy"),
    "gate.automatic": ("automatic deploy", "deploy automático"),
    "gate.release": ("manual release", "release manual"),
    # DORA bands
    "band.elite": ("Elite", "Elite"),
    "band.high": ("High", "Alto"),
    "band.medium": ("Medium", "Médio"),
    "band.low": ("Low", "Baixo"),
    "band.none": ("no band", "sem faixa"),
    "bands.source.dora-2023": (
        "Bands (elite, high, medium, low) follow the DORA State of DevOps 2023 report.",
        "As faixas (elite, alto, médio, baixo) seguem o relatório DORA State of DevOps 2023.",
    ),
    "bands.source.dora-2021": (
        "Bands (elite, high, medium, low) follow the DORA State of DevOps 2021 report.",
        "As faixas (elite, alto, médio, baixo) seguem o relatório DORA State of DevOps 2021.",
    ),
    "bands.source.four-keys": (
        "Bands (elite, high, medium, low) follow the cut-offs of the open-source Four Keys "
        "dashboard.",
        "As faixas (elite, alto, médio, baixo) seguem os limites do painel de código aberto "
        "Four Keys.",
    ),
    # metrics (long names)
    "metric.deploys_per_day": ("Deployment frequency", "Frequência de deploy"),
    "metric.lead_time_median_hours": ("Median lead time", "Lead time mediano"),
    "metric.lead_time_mean_hours": ("Mean lead time", "Lead time médio"),
    "metric.lead_time_p90_hours": ("Lead time, 90th percentile", "Lead time, percentil 90"),
    "metric.change_failure_rate": ("Change failure rate", "Taxa de falha de mudanças"),
    "metric.release_failure_rate": (
        "Failure rate of first deploys",
        "Taxa de falha dos primeiros deploys",
    ),
    "metric.redeploys": ("Redeploys after a rollback", "Redeploys após rollback"),
    "metric.time_to_restore_median_hours": (
        "Median time to restore",
        "Tempo mediano de restauração",
    ),
    "metric.time_to_restore_mean_hours": ("Mean time to restore", "Tempo médio de restauração"),
    "metric.batch_size_mean": ("Mean changes per deploy", "Média de mudanças por deploy"),
    "metric.throughput_per_day": ("Throughput", "Vazão"),
    "metric.rework_rate": ("Rework rate", "Taxa de retrabalho"),
    "metric.rework_per_change": ("Rework per change", "Retrabalho por mudança"),
    "metric.incidents": ("Incidents", "Incidentes"),
    "metric.completion": (
        "Changes in production by the end",
        "Mudanças em produção ao final",
    ),
    "metric.deploys": ("Deploys", "Deploys"),
    "metric.failed_deploys": ("Failed deploys", "Deploys com falha"),
    "metric.changes_committed": ("Changes committed", "Mudanças com commit"),
    "metric.changes_deployed": ("Changes deployed", "Mudanças em produção"),
    # metrics (short names, for tight spaces)
    "metric.deploys_per_day.short": ("deploys per day", "deploys por dia"),
    "metric.lead_time_median_hours.short": ("median lead time", "lead time mediano"),
    "metric.change_failure_rate.short": ("change failure rate", "taxa de falha"),
    "metric.time_to_restore_median_hours.short": ("median restore time", "restauração mediana"),
    # where time goes
    "time.build_queue": ("Build queue", "Fila de build"),
    "time.build": ("Build and unit tests", "Build e testes unitários"),
    "time.rework": ("Rework (fixing)", "Retrabalho (correção)"),
    "time.staging_queue": ("Staging queue", "Fila de homologação"),
    "time.staging": ("Staging tests / QA", "Testes em homologação / QA"),
    "time.gate": ("Waiting for approval or release", "Espera por aprovação ou release"),
    "time.deploy_queue": ("Deploy queue", "Fila de deploy"),
    "time.deploy": ("Deploying", "Deploy em andamento"),
    "time.incident": ("Failed deploy until restored", "Deploy com falha até restaurar"),
    "time.waiting": ("Hatched: waiting", "Hachurado: espera"),
    # cumulative flow states (changes that have reached at least ...)
    "flow.state.committed": ("Committed", "Commit feito"),
    "flow.state.built": ("Green build", "Build verde"),
    "flow.state.staged": ("Passed staging", "Aprovada em homologação"),
    "flow.state.promoted": ("Promoted (gate passed)", "Promovida (portão liberado)"),
    "flow.state.production": ("In production", "Em produção"),
    "flow.band.building": ("in build or rework", "em build ou retrabalho"),
    "flow.band.staging": ("waiting for or in staging", "aguardando ou em homologação"),
    "flow.band.gate": ("at the gate", "no portão"),
    "flow.band.deploying": ("deploying", "em deploy"),
    "flow.band.production": ("in production", "em produção"),
    "flow.segment.build": ("commit to green build", "commit até build verde"),
    "flow.segment.staging_wait": ("waiting for staging", "aguardando homologação"),
    "flow.segment.staging": ("staging", "homologação"),
    "flow.segment.gate": ("waiting at gate / release", "espera no portão / release"),
    "flow.segment.deploy": ("deploy queue and deploy", "fila de deploy e deploy"),
    "flow.segment.production": ("in production", "em produção"),
    # DORA limits on time axes
    "limit.hour": ("1 hour", "1 hora"),
    "limit.day": ("1 day", "1 dia"),
    "limit.week": ("1 week", "1 semana"),
    "limit.month": ("1 month", "1 mês"),
    "limit.six_months": ("6 months", "6 meses"),
    "limit.dora": ("DORA band limits", "limites das faixas DORA"),
    # units
    "unit.minutes": ("min", "min"),
    "unit.hours": ("h", "h"),
    "unit.days": ("days", "dias"),
    "unit.day": ("day", "dia"),  # one day, on an axis tick
    "unit.per_day": ("/day", "/dia"),
    # generic words
    "na": ("n/a", "s/d"),
    "ci95": ("95% interval", "IC 95%"),
    "median": ("median", "mediana"),
    "replications": ("replications", "replicações"),
    "replication": ("replication", "replicação"),
    "practice": ("Practice", "Prática"),
    "no_data": ("no data", "sem dados"),
    # chart titles and axis labels
    "chart.comparison.title": (
        "Continuous Integration, Delivery and Deployment: simulated",
        "Integração, Entrega e Deploy Contínuos: simulação",
    ),
    "chart.comparison.note_ci": (
        "Values: mean of {n} replications, 95% confidence interval in brackets (left out "
        "where it is narrower than the last digit shown).",
        "Valores: média de {n} replicações, intervalo de confiança de 95% (IC 95%) entre "
        "colchetes (omitido quando é mais estreito que o último dígito mostrado).",
    ),
    "chart.comparison.not_run": (
        "not run in this result",
        "não simulada neste resultado",
    ),
    "chart.comparison.note_single": (
        "Values from one simulated run.",
        "Valores de uma única execução simulada.",
    ),
    "chart.comparison.note_integration": (
        "Continuous Integration reaches production through a periodic manual release.",
        "Na Integração Contínua, a produção recebe as mudanças num release manual periódico.",
    ),
    "chart.lead_time.title": (
        "Lead time for changes: commit to production",
        "Lead time das mudanças: do commit à produção",
    ),
    "chart.lead_time.x": ("Lead time (hours, log scale)", "Lead time (horas, escala log)"),
    "chart.lead_time.y": (
        "Changes deployed within that time (%)",
        "Mudanças em produção dentro desse tempo (%)",
    ),
    "chart.cfr.title": (
        "Change failure rate, with 95% intervals",
        "Taxa de falha de mudanças, com IC 95%",
    ),
    "chart.cfr.title_single": ("Change failure rate", "Taxa de falha de mudanças"),
    "chart.cfr.y": ("Failed deploys / deploys (%)", "Deploys com falha / deploys (%)"),
    "chart.batch.title": (
        "Bigger batches fail more often",
        "Lotes maiores falham mais",
    ),
    "chart.batch.x": ("Changes per deploy (log scale)", "Mudanças por deploy (escala log)"),
    "chart.batch.y": (
        "First deploys that failed on a defect (%)",
        "Primeiros deploys que falharam por defeito (%)",
    ),
    "chart.batch.legend": (
        "first deploys only (no redeploys)\npoints: size = number of deploys\n"
        "dashes: $1 - (1 - p)^k$, p = escaped defects per change",
        "só primeiros deploys (sem redeploys)\npontos: tamanho = nº de deploys\n"
        "tracejado: $1 - (1 - p)^k$, p = defeitos escapados por mudança",
    ),
    "chart.failure.title": (
        "Change failure rate and batch size",
        "Taxa de falha de mudanças e tamanho do lote",
    ),
    "chart.frequency.title": (
        "Deployment frequency and time to restore",
        "Frequência de deploy e tempo de restauração",
    ),
    "chart.deploys.title": ("Deployment frequency", "Frequência de deploy"),
    "chart.deploys.y": ("Deploys per day (1/day)", "Deploys por dia (1/dia)"),
    "chart.restore.title": ("Median time to restore service", "Tempo mediano de restauração"),
    "chart.restore.y": ("Time to restore (hours)", "Tempo de restauração (horas)"),
    "chart.breakdown.title": (
        "Where the lead time goes (mean per change)",
        "Para onde vai o lead time (média por mudança)",
    ),
    "chart.breakdown.total.title": (
        "Mean lead time per change",
        "Lead time médio por mudança",
    ),
    "chart.breakdown.x_total": (
        "Mean lead time (hours, log scale)",
        "Lead time médio (horas, escala log)",
    ),
    "chart.breakdown.share.title": ("Share of lead time", "Fração do lead time"),
    "chart.breakdown.x_share": ("Share of lead time (%)", "Fração do lead time (%)"),
    "chart.flow.title": ("Flow of changes over time", "Fluxo das mudanças no tempo"),
    "chart.cfd.title": ("Cumulative flow", "Fluxo cumulativo"),
    "chart.cfd.x": ("Time (days)", "Tempo (dias)"),
    "chart.cfd.y": ("Changes (count)", "Mudanças (quantidade)"),
    "chart.timeline.title": ("First {n} changes", "Primeiras {n} mudanças"),
    "chart.timeline.x": ("Time (days)", "Tempo (dias)"),
    "chart.timeline.x_hours": ("Hours since first commit", "Horas desde o 1º commit"),
    "chart.timeline.y": ("Change (commit order)", "Mudança (ordem de commit)"),
    "chart.sensitivity.title": (
        "{metric}: which scenario key matters most?",
        "{metric}: qual chave do cenário mais importa?",
    ),
    "chart.sensitivity.x": (
        "Mean change of the metric when the key moves across its range (Morris μ*, 95% "
        "interval)\nsolid: the metric rises as the key grows; hatched: it falls",
        "Mudança média da métrica quando a chave percorre a sua faixa (μ* de Morris, IC "
        "95%)\ncheio: a métrica sobe quando a chave cresce; hachurado: ela cai",
    ),
    "chart.sensitivity.points": ("{value} pp", "{value} p.p."),
    "chart.scorecard.title": ("DORA scorecard", "Placar DORA"),
    "chart.empty.title": ("Nothing to show", "Nada para mostrar"),
    "chart.empty.changes": (
        "no change was committed in the measured window (see team.commits_per_day, days "
        "and warmup_days)",
        "nenhuma mudança teve commit na janela medida (veja team.commits_per_day, days e "
        "warmup_days)",
    ),
    "chart.empty.deployed": (
        "no change of the measured window reached production",
        "nenhuma mudança da janela medida chegou à produção",
    ),
    "chart.empty.deploys": (
        "no deploy in the measured window",
        "nenhum deploy na janela medida",
    ),
    "chart.empty.values": (
        "this metric has no value in these runs",
        "esta métrica não tem valor nestas execuções",
    ),
    "chart.scorecard.note": (
        "Cell colour: DORA performance band.",
        "Cor da célula: faixa de desempenho DORA.",
    ),
    # a scenario in plain words (reports, the comparison figure's context line)
    "scenario.context": (
        "Scenario '{name}': {developers}, {commits} commits a day each, {runners}, "
        "approval {approval}, a release every {release}. {replications}, seed {seed}. {bands}",
        "Cenário '{name}': {developers}, {commits} commits por dia cada, {runners}, "
        "aprovação {approval}, um release a cada {release}. {replications}, semente {seed}. "
        "{bands}",
    ),
    "count.developers.one": ("1 developer", "1 pessoa desenvolvedora"),
    "count.developers.other": ("{n} developers", "{n} pessoas desenvolvedoras"),
    "count.runners.one": ("1 CI runner", "1 runner de CI"),
    "count.environments.one": ("1 test environment", "1 ambiente de teste"),
    "count.environments.other": ("{n} test environments", "{n} ambientes de teste"),
    "count.runners.other": ("{n} CI runners", "{n} runners de CI"),
    "scenario.board": ("by a change board ({times})", "por um comitê de mudanças ({times})"),
    "scenario.approval_after": ("after {delay}", "após {delay}"),
    "scenario.replications": ("{n} replications", "{n} replicações"),
    "scenario.one_run": ("one run", "uma execução"),
    "scenario.bands.dora-2023": ("Bands: DORA 2023.", "Faixas: DORA 2023."),
    "scenario.bands.dora-2021": ("Bands: DORA 2021.", "Faixas: DORA 2021."),
    "scenario.bands.four-keys": ("Bands: Four Keys.", "Faixas: Four Keys."),
    "scenario.team": (
        "{developers}, each committing {commits} changes per working day "
        "(about {lines} lines each); {defect} of average changes carry a defect.",
        "{developers}, cada uma com {commits} mudanças por dia útil "
        "(cerca de {lines} linhas cada); {defect} das mudanças médias têm um defeito.",
    ),
    "scenario.calendar": (
        "People work {days}, {hours}; machines and on-call work around the clock.",
        "As pessoas trabalham {days}, {hours}; máquinas e plantão, 24 horas por dia.",
    ),
    "scenario.calendar_24x7": (
        "People and machines work around the clock.",
        "Pessoas e máquinas trabalham 24 horas por dia.",
    ),
    "scenario.build": (
        "Build: {runners}, {duration} per build; unit tests catch {detection} of "
        "defects; {flaky} of builds fail for no reason.",
        "Build: {runners}, {duration} por build; os testes unitários pegam "
        "{detection} dos defeitos; {flaky} dos builds falham sem motivo.",
    ),
    "scenario.staging": (
        "Staging (Delivery and Deployment): {environments}, {duration} per run; the tests "
        "catch {detection} of the defects the build missed.",
        "Homologação (Entrega e Deploy): {environments}, {duration} por execução; os testes "
        "pegam {detection} dos defeitos que o build deixou passar.",
    ),
    "scenario.approval_delay": (
        "Continuous Delivery: a person approves after about {delay} of working time and "
        "spots {detection} of defects.",
        "Entrega Contínua: uma pessoa aprova após cerca de {delay} de trabalho e percebe "
        "{detection} dos defeitos.",
    ),
    "scenario.approval_board": (
        "Continuous Delivery: a change board approves at {times} and spots {detection} of defects.",
        "Entrega Contínua: um comitê de mudanças aprova em {times} e percebe {detection} "
        "dos defeitos.",
    ),
    "scenario.release": (
        "Continuous Integration: a release every {every}, {qa} of manual QA (catching "
        "{detection} of defects), a manual deploy that goes wrong {error} of the time.",
        "Integração Contínua: um release a cada {every}, {qa} de QA manual (que pega "
        "{detection} dos defeitos), um deploy manual que dá errado em {error} das vezes.",
    ),
    "scenario.incident_on_call": (
        "Failed deploys: on call around the clock; {rollback} of incidents end in a "
        "rollback, the others are fixed forward.",
        "Deploys com falha: plantão 24 horas; {rollback} dos incidentes terminam em "
        "rollback, os outros são corrigidos em produção.",
    ),
    "scenario.incident_working_hours": (
        "Failed deploys: handled in working hours (no on-call); {rollback} of incidents end "
        "in a rollback, the others are fixed forward.",
        "Deploys com falha: tratados em horário de trabalho (sem plantão); {rollback} dos "
        "incidentes terminam em rollback, os outros são corrigidos em produção.",
    ),
    "scenario.horizon": (
        "{days} days simulated; changes committed in the first {warmup} days are not measured.",
        "{days} dias simulados; as mudanças dos primeiros {warmup} dias não são medidas.",
    ),
    "weekday.mon": ("Monday", "segunda"),
    "weekday.tue": ("Tuesday", "terça"),
    "weekday.wed": ("Wednesday", "quarta"),
    "weekday.thu": ("Thursday", "quinta"),
    "weekday.fri": ("Friday", "sexta"),
    "weekday.sat": ("Saturday", "sábado"),
    "weekday.sun": ("Sunday", "domingo"),
    "list.and": (" and ", " e "),
    # scenario keys as words (sweep and sensitivity axes): key.<dotted key>
    "key.practice": ("practice", "prática"),
    "key.days": ("horizon (days)", "horizonte (dias)"),
    "key.warmup_days": ("warm-up (days)", "aquecimento (dias)"),
    "key.calendar.work_hours": ("working hours", "horário de trabalho"),
    "key.calendar.work_days": ("working days", "dias de trabalho"),
    "key.team.developers": ("developers", "pessoas desenvolvedoras"),
    "key.team.commits_per_day": ("commits per developer per day", "commits por pessoa por dia"),
    "key.team.size_mean_lines": ("mean change size (lines)", "tamanho médio da mudança (linhas)"),
    "key.team.size_cv": ("spread of change sizes (cv)", "variação do tamanho das mudanças (cv)"),
    "key.team.defect_probability": ("chance of a defect", "chance de defeito"),
    "key.team.fix_time": ("fix time", "tempo de correção"),
    "key.build.runners": ("CI runners", "runners de CI"),
    "key.build.duration": ("build time", "tempo de build"),
    "key.build.detection": ("unit tests catch", "testes unitários pegam"),
    "key.build.flaky_probability": ("flaky builds", "builds instáveis"),
    "key.staging.environments": ("staging environments", "ambientes de homologação"),
    "key.staging.duration": ("staging time", "tempo de homologação"),
    "key.staging.duration_per_change_minutes": (
        "staging time per change (minutes)",
        "homologação por mudança (minutos)",
    ),
    "key.staging.detection": ("staging tests catch", "testes de homologação pegam"),
    "key.approval.mode": ("approval mode", "modo de aprovação"),
    "key.approval.delay": ("approval delay", "espera pela aprovação"),
    "key.approval.board_times": ("change board times", "horários do comitê de mudanças"),
    "key.approval.detection": ("reviewer catches", "revisão pega"),
    "key.release.every_days": ("release every (days)", "release a cada (dias)"),
    "key.release.qa_duration": ("manual QA time", "tempo de QA manual"),
    "key.release.qa_duration_per_change_minutes": (
        "QA time per change (minutes)",
        "QA por mudança (minutos)",
    ),
    "key.release.qa_detection": ("manual QA catches", "QA manual pega"),
    "key.release.deploy_duration": ("manual deploy time", "tempo do deploy manual"),
    "key.release.deploy_duration_per_change_minutes": (
        "manual deploy per change (minutes)",
        "deploy manual por mudança (minutos)",
    ),
    "key.release.manual_error_probability": ("manual deploy errors", "erros no deploy manual"),
    "key.release.retest_duration": (
        "retest time after a rollback",
        "tempo de reteste após rollback",
    ),
    "key.release.max_redeploys": (
        "redeploys before fixing forward",
        "redeploys antes de corrigir em produção",
    ),
    "key.production.deploy_duration": ("deploy time", "tempo de deploy"),
    "key.production.deploy_duration_per_change_minutes": (
        "deploy time per change (minutes)",
        "deploy por mudança (minutos)",
    ),
    "key.incident.response": ("incident response", "resposta a incidentes"),
    "key.incident.detection": ("time to detect", "tempo para detectar"),
    "key.incident.diagnosis": ("diagnosis time", "tempo de diagnóstico"),
    "key.incident.diagnosis_growth_per_change": (
        "diagnosis growth per change",
        "aumento do diagnóstico por mudança",
    ),
    "key.incident.rollback": ("rollback time", "tempo de rollback"),
    "key.incident.manual_rollback": ("manual rollback time", "tempo de rollback manual"),
    "key.incident.fix_forward_probability": (
        "chance to fix forward",
        "chance de corrigir em produção",
    ),
    "key.incident.fix_forward": ("fix-forward time", "tempo de correção em produção"),
    "key.part.mean_minutes": ("mean (minutes)", "média (minutos)"),
    "key.part.mean_hours": ("mean (hours)", "média (horas)"),
    "key.part.mean_days": ("mean (days)", "média (dias)"),
    "key.part.cv": ("cv", "cv"),
    "key.part.dist": ("distribution", "distribuição"),
    # the result page (report.html)
    "report.title.compare": ("cdsim: comparison of '{name}'", "cdsim: comparação de '{name}'"),
    "report.title.run": ("cdsim: '{name}' under {practice}", "cdsim: '{name}' com {practice}"),
    "report.title.sweep": ("cdsim: sweep of '{name}'", "cdsim: varredura de '{name}'"),
    "report.title.figure": ("cdsim: the figure for '{name}'", "cdsim: a figura de '{name}'"),
    "report.title.sensitivity": (
        "cdsim: which key matters most in '{name}'",
        "cdsim: qual chave mais importa em '{name}'",
    ),
    "report.intro": (
        "What a simulated team does under each practice: the same developers and the same "
        "changes, only the way to production differs.",
        "O que um time simulado faz em cada prática: as mesmas pessoas e as mesmas "
        "mudanças; só o caminho até a produção muda.",
    ),
    "report.scenario": ("The scenario", "O cenário"),
    "report.experiment": (
        "{runs}, seed {seed}. {bands}",
        "{runs}, semente {seed}. {bands}",
    ),
    "report.reproduce": (
        "Reproduce this result (scenario.toml is in this folder):",
        "Para reproduzir este resultado (scenario.toml está nesta pasta):",
    ),
    "report.scorecard": ("The DORA scorecard", "O placar DORA"),
    "report.charts": ("Charts", "Gráficos"),
    "report.no_charts": (
        "Charts were not drawn for this result (--no-charts).",
        "Os gráficos não foram desenhados neste resultado (--no-charts).",
    ),
    "report.summary": ("Every metric", "Todas as métricas"),
    "report.sweep": ("The sweep, metric by metric", "A varredura, métrica a métrica"),
    "report.sensitivity": (
        "Which key matters most, metric by metric",
        "Qual chave mais importa, métrica a métrica",
    ),
    "report.sensitivity.how": (
        "Morris elementary effects: {trajectories} paths through the ranges below, one key "
        "changed at a time ({points}, each run {replications} under every practice). "
        "Effect: how much the metric changes, on average, when the key moves across its "
        "whole range (μ*); a negative sign: it falls as the key grows.",
        "Efeitos elementares de Morris: {trajectories} caminhos pelas faixas abaixo, uma "
        "chave alterada por vez ({points}, cada um rodado {replications} em cada prática). "
        "Efeito: quanto a métrica muda, em média, quando a chave percorre toda a sua faixa "
        "(μ*); sinal negativo: ela cai quando a chave cresce.",
    ),
    "report.sensitivity.rank": ("rank", "posição"),
    "report.sensitivity.key": ("scenario key", "chave do cenário"),
    "report.sensitivity.range": ("range", "faixa"),
    "report.sensitivity.effect": ("effect (μ*)", "efeito (μ*)"),
    "report.sensitivity.direction": ("as the key grows", "quando a chave cresce"),
    "report.sensitivity.up": ("rises", "sobe"),
    "report.sensitivity.down": ("falls", "cai"),
    "report.sensitivity.flat": ("no change", "não muda"),
    "report.files": ("The tables (CSV)", "As tabelas (CSV)"),
    "report.footer": (
        "Made by cdsim {version}. Every number on this page comes from the tables beside it.",
        "Feito pelo cdsim {version}. Todo número desta página vem das tabelas ao lado.",
    ),
    "report.chart.comparison": (
        "The source figure, redrawn with the simulated DORA keys on each practice's bar. "
        "Read across a row for one practice, down a column to compare practices.",
        "A figura da fonte, redesenhada com as métricas DORA simuladas na barra de cada "
        "prática. Leia uma linha para ver uma prática; uma coluna para comparar práticas.",
    ),
    "report.chart.scorecard": (
        "The four keys of each practice, each cell coloured by its DORA band. "
        "Blue is better, red is worse; the band names are written in the cells.",
        "As quatro métricas de cada prática, cada célula com a cor da sua faixa DORA. "
        "Azul é melhor, vermelho é pior; o nome da faixa está escrito na célula.",
    ),
    "report.chart.lead_time": (
        "For each duration on the (log) horizontal axis, the share of changes that reached "
        "production within it. Where a curve crosses 50% is its median lead time.",
        "Para cada duração no eixo horizontal (log), a fração das mudanças que chegou à "
        "produção dentro dela. Onde a curva cruza 50% está o lead time mediano.",
    ),
    "report.chart.failure": (
        "Left: the change failure rate. Right: the bigger a first deploy, the likelier it "
        "fails on a defect, along 1 - (1 - p)^k for each practice.",
        "À esquerda: a taxa de falha de mudanças. À direita: quanto maior o primeiro deploy, "
        "mais provável que falhe por defeito, seguindo 1 - (1 - p)^k em cada prática.",
    ),
    "report.chart.frequency": (
        "Left: deploys per day. Right: the median time from a failed deploy to restored "
        "service. The label of each bar gives its DORA band.",
        "À esquerda: deploys por dia. À direita: o tempo mediano de um deploy com falha até "
        "o serviço restaurado. O rótulo de cada barra dá a sua faixa DORA.",
    ),
    "report.chart.time_breakdown": (
        "Left: the mean lead time (log axis). Right: where it goes, as shares; hatched "
        "parts are waiting.",
        "À esquerda: o lead time médio (eixo log). À direita: para onde ele vai, em "
        "frações; as partes hachuradas são espera.",
    ),
    "report.chart.flow": (
        "Top: how many changes are in each state, day by day (the thickness of a band is "
        "work in progress). Bottom: the first changes of one run, one line each.",
        "Em cima: quantas mudanças estão em cada estado, dia a dia (a espessura de uma "
        "faixa é o trabalho em andamento). Embaixo: as primeiras mudanças de uma execução.",
    ),
    "report.chart.sweep": (
        "One metric against the varied value, one line per practice; the shaded band is "
        "the 95% interval of the mean.",
        "Uma métrica contra o valor variado, uma linha por prática; a faixa sombreada é o "
        "IC 95% da média.",
    ),
    "report.chart.sensitivity": (
        "One panel per practice: the scenario keys ranked by how much they move this metric "
        "across their ranges; the longest bar is the knob that matters most.",
        "Um painel por prática: as chaves do cenário ordenadas por quanto movem esta métrica "
        "ao longo das suas faixas; a barra mais longa é o botão que mais importa.",
    ),
    "report.table.summary": (
        "mean, 95% interval and DORA band of every metric, per practice",
        "média, IC 95% e faixa DORA de cada métrica, por prática",
    ),
    "report.table.runs": ("every metric of every run", "cada métrica de cada execução"),
    "report.table.changes": (
        "one row per change: its instants and where its lead time went",
        "uma linha por mudança: seus instantes e para onde foi o lead time",
    ),
    "report.table.deployments": ("one row per production deploy", "uma linha por deploy"),
    "report.table.incidents": (
        "one row per incident (failed deploy)",
        "uma linha por incidente (deploy com falha)",
    ),
    "report.table.sweep": (
        "mean, 95% interval and band per point, practice and metric",
        "média, IC 95% e faixa por ponto, prática e métrica",
    ),
    "report.table.sensitivity": (
        "the ranking: per practice, metric and key, the Morris μ*, its interval, μ and σ",
        "a classificação: por prática, métrica e chave, o μ* de Morris, seu intervalo, μ e σ",
    ),
    "report.written": ("Report: {path}", "Relatório: {path}"),
    # the command line (--help stays English)
    "cli.simulating": (
        "Simulating '{name}': {practices}, {replications} each ({runs} on {jobs}, seed {seed})",
        "Simulando '{name}': {practices}, {replications} cada ({runs} em {jobs}, semente {seed})",
    ),
    "cli.sweeping": (
        "Sweeping '{name}': {points} x {practices} x {replications} ({runs} on {jobs}, "
        "seed {seed})",
        "Varrendo '{name}': {points} x {practices} x {replications} ({runs} em {jobs}, "
        "semente {seed})",
    ),
    "cli.wrote": ("Wrote {files} to {folder}", "{files} gravados em {folder}"),
    "cli.interrupted": ("Interrupted.", "Interrompido."),
    "cli.error": ("Error: {message}", "Erro: {message}"),
    "cli.bug": (
        "Error: unexpected {kind}: {message}\nThis is a bug in cdsim; please report it with "
        "the command you ran (set CDSIM_DEBUG=1 to see the traceback).",
        "Erro: {kind} inesperado: {message}\nIsto é um defeito do cdsim; por favor, relate-o "
        "com o comando que você usou (defina CDSIM_DEBUG=1 para ver o rastreamento).",
    ),
    "cli.scenarios.hint": (
        "Show one as TOML, ready to copy and edit: cdsim scenarios show NAME",
        "Mostre um em TOML, pronto para copiar e editar: cdsim scenarios show NOME",
    ),
    "cli.scenarios.every_value": (
        "# {name}: every value, its base merged in",
        "# {name}: todos os valores, com a base já incluída",
    ),
    "cli.scenario_file": (
        "# The scenario as run by cdsim {version} (every value, --set applied).\n"
        "# Reproduce this result with:\n#   {command}",
        "# O cenário como foi simulado pelo cdsim {version} (todos os valores, com --set).\n"
        "# Para reproduzir este resultado:\n#   {command}",
    ),
    "progress.simulating": ("simulating", "simulando"),
    "progress.sweeping": ("sweeping", "varrendo"),
    "progress.unit": ("run", "execução"),
    "progress.writing": ("writing", "gravando"),
    "progress.file": ("file", "arquivo"),
    "progress.sensitivity": ("sensitivity", "sensibilidade"),
    "cli.starting_dask": (
        "Starting a local Dask cluster (a few seconds)...",
        "Iniciando um cluster Dask local (alguns segundos)...",
    ),
    "cli.connecting": (
        "Connecting to the Dask scheduler at {address}...",
        "Conectando ao scheduler do Dask em {address}...",
    ),
    "cli.on_local_dask": (
        "a local Dask cluster of {workers}",
        "um cluster Dask local de {workers}",
    ),
    "cli.on_scheduler": ("the Dask cluster at {address}", "o cluster Dask em {address}"),
    "cli.resuming": (
        "Resuming an interrupted sweep: {done} of {points} points were already finished",
        "Retomando uma varredura interrompida: {done} de {points} pontos já estavam prontos",
    ),
    "cli.kept": (
        "{done} of {points} points are finished and kept in {folder}; run the same command "
        "again to go on from there.",
        "{done} de {points} pontos estão prontos e guardados em {folder}; rode o mesmo "
        "comando de novo para continuar dali.",
    ),
    "cli.sensitivity": (
        "Sensitivity of '{name}' to {keys}: {points} x {practices} x {replications} "
        "({runs} on {jobs}, seed {seed})",
        "Sensibilidade de '{name}' a {keys}: {points} x {practices} x {replications} "
        "({runs} em {jobs}, semente {seed})",
    ),
    "count.workers.one": ("1 worker", "1 worker"),
    "count.workers.other": ("{n} workers", "{n} workers"),
    "count.keys.one": ("1 key", "1 chave"),
    "count.keys.other": ("{n} keys", "{n} chaves"),
    # runs that could not finish, Dask, a sweep's progress on disk
    "error.cli.dask_and_scheduler": (
        "give --dask (a Dask cluster on this machine) or --scheduler ADDRESS (one elsewhere), "
        "not both",
        "use --dask (um cluster Dask nesta máquina) ou --scheduler ENDEREÇO (um em outro "
        "lugar), não os dois",
    ),
    "error.executor.pool_lost": (
        "a worker process stopped before its runs were done (it was killed, or the machine "
        "ran out of memory)",
        "um processo de trabalho parou antes de terminar as suas execuções (foi encerrado, "
        "ou faltou memória na máquina)",
    ),
    "error.executor.closed": (
        "the executor takes no more runs ({reason})",
        "o executor não aceita mais execuções ({reason})",
    ),
    "error.executor.cluster_lost": (
        "the Dask scheduler went away before the runs were done",
        "o scheduler do Dask sumiu antes de as execuções terminarem",
    ),
    "error.executor.killed_worker": (
        "a run ended every Dask worker that tried it (Dask gave up after several tries; "
        "out of memory?)",
        "uma execução derrubou todos os workers do Dask que a tentaram (o Dask desistiu "
        "após várias tentativas; falta de memória?)",
    ),
    "error.dask.missing": (
        'Dask is not installed here: pip install "cdsim[dask]"',
        'o Dask não está instalado aqui: pip install "cdsim[dask]"',
    ),
    "error.dask.unreachable": (
        "cannot reach the Dask scheduler at {address} (tried for {seconds:g} s): is "
        "`dask scheduler` running there, and is its port open to this machine?",
        "não foi possível alcançar o scheduler do Dask em {address} (tentei por "
        "{seconds:g} s): o `dask scheduler` está rodando lá, e a porta está aberta para "
        "esta máquina?",
    ),
    "error.dask.address": (
        "{address!r} is not a Dask scheduler's address ({reason}); write it like tcp://host:8786",
        "{address!r} não é o endereço de um scheduler do Dask ({reason}); escreva como "
        "tcp://host:8786",
    ),
    "error.dask.no_workers": (
        "the Dask scheduler at {address} has no workers; start some with: dask worker {address}",
        "o scheduler do Dask em {address} não tem workers; inicie alguns com: dask worker "
        "{address}",
    ),
    "error.dask.other_cdsim": (
        "the Dask worker {worker} does not run this cdsim ({theirs}; here: {mine}); install "
        "the same cdsim on the scheduler and on every worker (docs/scaling.md)",
        "o worker do Dask {worker} não roda este cdsim ({theirs}; aqui: {mine}); instale o "
        "mesmo cdsim no scheduler e em todos os workers (docs/scaling.md)",
    ),
    "error.sensitivity.no_keys": (
        "give at least one range: --range KEY=LOW:HIGH",
        "dê pelo menos uma faixa: --range CHAVE=MIN:MAX",
    ),
    "error.sensitivity.range_format": (
        "--range {text!r}: write KEY=LOW:HIGH, e.g. build.runners=1:4",
        "--range {text!r}: escreva CHAVE=MIN:MAX, por exemplo build.runners=1:4",
    ),
    "error.sensitivity.twice": (
        "--range gives {key} twice; give each key once",
        "--range dá {key} duas vezes; dê cada chave uma vez só",
    ),
    "error.sensitivity.not_number": (
        "{key} is not a number ({value!r}): a range needs a numeric key, such as "
        "build.runners or approval.delay.mean_hours",
        "{key} não é um número ({value!r}): uma faixa precisa de uma chave numérica, como "
        "build.runners ou approval.delay.mean_hours",
    ),
    "error.sensitivity.not_finite": (
        "the range of {key} must have finite ends, got {low} to {high}",
        "a faixa de {key} precisa de extremos finitos; veio {low} a {high}",
    ),
    "error.sensitivity.empty": (
        "the range of {key} is empty ({low} to {high}): give two different ends",
        "a faixa de {key} está vazia ({low} a {high}): dê dois extremos diferentes",
    ),
    "error.sensitivity.inverted": (
        "the range of {key} is upside down ({low} to {high}): write the low end first, "
        "{key}={high}:{low}",
        "a faixa de {key} está invertida ({low} a {high}): escreva o menor primeiro, "
        "{key}={high}:{low}",
    ),
    "error.sensitivity.integer_ends": (
        "{key} is a whole number: give whole ends, not {low}:{high}",
        "{key} é um número inteiro: dê extremos inteiros, não {low}:{high}",
    ),
    "error.sensitivity.integer_grid": (
        "{key} is a whole number and the Morris grid has {levels} levels: the width of its "
        "range must be a multiple of {step} so that every level is whole; {low}:{high} is "
        "not, {low}:{suggest} is",
        "{key} é um número inteiro e a grade de Morris tem {levels} níveis: a largura da "
        "faixa precisa ser múltipla de {step} para que todo nível seja inteiro; {low}:{high} "
        "não é, {low}:{suggest} é",
    ),
    "error.sensitivity.trajectories": (
        "trajectories must be a whole number of at least 2, got {n!r}",
        "trajectories precisa ser um número inteiro de pelo menos 2; veio {n!r}",
    ),
    "error.sensitivity.salib_missing": (
        'SALib is not installed here: pip install "cdsim[sensitivity]"',
        'o SALib não está instalado aqui: pip install "cdsim[sensitivity]"',
    ),
    "error.checkpoint.write": (
        "cannot keep the sweep's progress in {folder} ({reason})",
        "não foi possível guardar o progresso da varredura em {folder} ({reason})",
    ),
    "error.checkpoint.mismatch": (
        "{folder} holds the progress of another sweep; remove it or use another --out",
        "{folder} guarda o progresso de outra varredura; apague-a ou use outro --out",
    ),
    "count.practices.one": ("1 practice", "1 prática"),
    "count.practices.other": ("{n} practices", "{n} práticas"),
    "count.replications.one": ("1 replication", "1 replicação"),
    "count.replications.other": ("{n} replications", "{n} replicações"),
    "count.runs.one": ("1 run", "1 execução"),
    "count.runs.other": ("{n} runs", "{n} execuções"),
    "count.processes.one": ("1 process", "1 processo"),
    "count.processes.other": ("{n} processes", "{n} processos"),
    "count.points.one": ("1 point", "1 ponto"),
    "count.points.other": ("{n} points", "{n} pontos"),
    "count.files.one": ("1 file", "1 arquivo"),
    "count.files.other": ("{n} files", "{n} arquivos"),
    # the classroom explorer (cdsim.explorer)
    "explorer.title": ("cdsim explorer", "Explorador cdsim"),
    "explorer.subtitle": (
        "One simulated team, three ways to reach production. Move a slider and watch.",
        "Um time simulado, três caminhos até a produção. Mova um controle e observe.",
    ),
    "explorer.group.team": ("Team", "Time"),
    "explorer.group.tests": (
        "Tests: chance to catch a defect",
        "Testes: chance de pegar um defeito",
    ),
    "explorer.group.pipeline": ("Pipeline and gates", "Pipeline e portões"),
    "explorer.group.run": ("Simulation", "Simulação"),
    "explorer.slider.developers": ("Developers", "Desenvolvedores"),
    "explorer.slider.commits_per_day": ("Commits/dev/day", "Commits/dev/dia"),
    "explorer.slider.defect_probability": ("Defect chance", "Chance de defeito"),
    "explorer.slider.build_detection": ("Unit tests (build)", "Testes unitários (build)"),
    "explorer.slider.staging_detection": ("Staging tests", "Testes em homologação"),
    "explorer.slider.approval_detection": ("Human review", "Revisão humana"),
    "explorer.slider.runners": ("CI runners", "Runners de CI"),
    "explorer.slider.approval_delay": ("Approval delay (h)", "Espera p/ aprovar (h)"),
    "explorer.slider.release_every": ("Release every (days)", "Release a cada (dias)"),
    "explorer.slider.days": ("Horizon (days)", "Horizonte (dias)"),
    "explorer.slider.seed": ("Random seed", "Semente aleatória"),
    "explorer.help.developers": ("people committing changes", "pessoas fazendo commits"),
    "explorer.help.commits_per_day": (
        "changes each developer commits per working day",
        "mudanças que cada pessoa envia por dia útil",
    ),
    "explorer.help.defect_probability": (
        "chance that a change of average size carries a bug",
        "chance de uma mudança de tamanho médio ter um bug",
    ),
    "explorer.help.build_detection": (
        "chance that unit tests in the build catch a bug",
        "chance de os testes unitários do build pegarem um bug",
    ),
    "explorer.help.staging_detection": (
        "chance that integration and load tests in staging catch a bug the build missed",
        "chance de os testes de integração e carga pegarem um bug que o build deixou passar",
    ),
    "explorer.help.approval_detection": (
        "Continuous Delivery only: chance that the approver spots a bug",
        "só Entrega Contínua: chance de quem aprova perceber um bug",
    ),
    "explorer.help.runners": (
        "CI machines building in parallel",
        "máquinas de CI fazendo builds em paralelo",
    ),
    "explorer.help.approval_delay": (
        "Continuous Delivery only: mean working hours until someone approves",
        "só Entrega Contínua: horas úteis médias até alguém aprovar",
    ),
    "explorer.help.release_every": (
        "Continuous Integration only: a manual release is cut this often",
        "só Integração Contínua: um release manual é feito nesse intervalo",
    ),
    "explorer.help.days": ("days during which the team commits", "dias em que o time faz commits"),
    "explorer.help.seed": (
        "same seed, same numbers; change it to see another possible run",
        "mesma semente, mesmos números; mude para ver outra execução possível",
    ),
    "explorer.practices": ("Practices", "Práticas"),
    "explorer.language": ("Language", "Idioma"),
    "explorer.reset": ("Reset", "Restaurar"),
    "explorer.reset.tooltip": ("back to the preset's values", "voltar aos valores do cenário"),
    "explorer.run": ("Run again", "Rodar de novo"),
    "explorer.scorecard": (
        "DORA scorecard (one run per practice)",
        "Placar DORA (uma execução por prática)",
    ),
    "explorer.scorecard.extras": ("More numbers", "Outros números"),
    "explorer.status.done": (
        "Updated in {seconds} s: simulate {sim} s, scorecard {card} s, chart {chart} s.",
        "Atualizado em {seconds} s: simulação {sim} s, placar {card} s, gráfico {chart} s.",
    ),
    "explorer.status.running": ("Simulating...", "Simulando..."),
    "explorer.status.no_practice": (
        "Choose at least one practice.",
        "Escolha ao menos uma prática.",
    ),
    "explorer.notice.no_practice": (
        "No practice is switched on, so there are no numbers to show. Switch on "
        "Integration, Delivery or Deployment at the top.",
        "Nenhuma prática está ligada, então não há números para mostrar. Ligue "
        "Integração, Entrega ou Deploy no alto da página.",
    ),
    "explorer.notice.error": (
        "No numbers for these values. Move the slider back, or press Reset.",
        "Sem números para esses valores. Volte o controle, ou clique em Restaurar.",
    ),
    "explorer.practice.on": (
        "{name}: in the simulation; click to leave it out",
        "{name}: na simulação; clique para tirar",
    ),
    "explorer.practice.off": (
        "{name}: left out; click to simulate it",
        "{name}: fora da simulação; clique para incluir",
    ),
    "explorer.status.error": (
        "Cannot run these values: {error}",
        "Não dá para rodar esses valores: {error}",
    ),
    "explorer.chart.missing": ("This chart is not available.", "Este gráfico não está disponível."),
    "explorer.chart.failed": (
        "This chart could not be drawn: {error}",
        "Não foi possível desenhar: {error}",
    ),
    "explorer.tab.comparison": ("The figure", "A figura"),
    "explorer.tab.scorecard": ("Scorecard", "Placar"),
    "explorer.tab.lead_time": ("Lead time", "Lead time"),
    "explorer.tab.failure": ("Failures", "Falhas"),
    "explorer.tab.frequency": ("Frequency", "Frequência"),
    "explorer.tab.time_breakdown": ("Where time goes", "Onde vai o tempo"),
    "explorer.tab.flow": ("Flow", "Fluxo"),
    "explorer.guide.title": ("How to use", "Como usar"),
    "explorer.guide": (
        "<ol>"
        "<li><b>Predict first.</b> Before you release a slider, say out loud what you "
        "expect: which practice gets faster, which one fails more?</li>"
        "<li><b>Move one slider at a time.</b> The simulation runs again when you let go.</li>"
        "<li>The <b>scorecard</b> shows the DORA four keys of each practice; the colour is "
        "its DORA band (elite, high, medium, low).</li>"
        "<li>The <b>tabs</b> show the charts: the source figure redrawn with the numbers, "
        "lead time, failures, frequency, where the time goes and the flow of changes.</li>"
        "<li>Every number comes from <b>one</b> simulated run per practice. Change the "
        "<b>seed</b> to see how much luck moves it; the notebooks use many runs.</li>"
        "<li><b>Reset</b> puts every slider back to the preset.</li>"
        "</ol>",
        "<ol>"
        "<li><b>Preveja antes.</b> Antes de soltar um controle, diga o que espera: qual "
        "prática fica mais rápida, qual falha mais?</li>"
        "<li><b>Mova um controle por vez.</b> A simulação roda de novo quando você solta.</li>"
        "<li>O <b>placar</b> mostra as quatro métricas DORA de cada prática; a cor é a faixa "
        "DORA (elite, alto, médio, baixo).</li>"
        "<li>As <b>abas</b> mostram os gráficos: a figura da fonte redesenhada com os números, "
        "lead time, falhas, frequência, para onde vai o tempo e o fluxo das mudanças.</li>"
        "<li>Cada número vem de <b>uma</b> execução simulada por prática. Mude a "
        "<b>semente</b> para ver quanto a sorte pesa; os notebooks usam muitas execuções.</li>"
        "<li><b>Restaurar</b> volta todos os controles ao cenário.</li>"
        "</ol>",
    ),
    # the command line: faults, signals, notes (issue 11)
    "cli.stdout": (
        "Error: the output cannot be written ({reason}); a result folder, if any, was written",
        "Erro: a saída não pode ser escrita ({reason}); uma pasta de resultado, se houver, foi "
        "escrita",
    ),
    "cli.terminated": ("Stopped ({signal}).", "Parado ({signal})."),
    "note.preset_over_file": (
        "Using the built-in scenario {name!r}; for the file {name!r} in this folder, "
        "write ./{name}",
        "Usando o cenário embutido {name!r}; para o arquivo {name!r} desta pasta, escreva ./{name}",
    ),
    # errors (cdsim.errors): every message a CdsimError can carry. A scenario's problems
    # are "{source}: key {key!r}: {problem}{got}", the problem chosen by its type.
    "error.source.with": ("{origin} (with {keys})", "{origin} (com {keys})"),
    "error.source.more_keys": ("{keys} and {n} more", "{keys} e mais {n}"),
    "error.hint.did_you_mean": (
        "; did you mean {suggestion!r}?",
        "; você quis dizer {suggestion!r}?",
    ),
    "error.got": (" (got {value})", " (veio {value})"),
    "error.more_problems": ("... and {n} more problems", "... e mais {n} problemas"),
    "error.scenario.unknown": (
        "no scenario called {name!r}: not a built-in scenario ({presets}) and no file of "
        "that name{hint}",
        "nenhum cenário chamado {name!r}: não é um cenário embutido ({presets}) nem um "
        "arquivo com esse nome{hint}",
    ),
    "error.scenario.not_a_name": (
        "a scenario is a built-in name or a path to a .toml file, got {got}",
        "um cenário é um nome embutido ou o caminho de um arquivo .toml, veio {got}",
    ),
    "error.scenario.base": (
        "{source}: key 'base': must name a preset ({presets}), got {got}",
        "{source}: chave 'base': deve ser o nome de um cenário embutido ({presets}), veio {got}",
    ),
    "error.scenario.base_loop": (
        "{source}: key 'base': built-in scenarios refer to each other in a loop",
        "{source}: chave 'base': cenários embutidos se referem uns aos outros em ciclo",
    ),
    "error.scenario.base_fixed": (
        "{source}: key 'base' names the scenario a file starts from; it cannot be changed "
        "on a loaded scenario (load that scenario instead)",
        "{source}: a chave 'base' nomeia o cenário de onde um arquivo parte; ela não muda "
        "num cenário já carregado (carregue aquele cenário)",
    ),
    "error.scenario.problem": ("{source}: {problem}", "{source}: {problem}"),
    "error.file.missing": ("{source}: no such file", "{source}: arquivo não encontrado"),
    "error.file.missing_preset": (
        "{source}: no such file; the built-in scenario {preset!r} is named without .toml",
        "{source}: arquivo não encontrado; o cenário embutido {preset!r} se escreve sem .toml",
    ),
    "error.file.folder": (
        "{source}: is a folder, not a scenario file",
        "{source}: é uma pasta, não um arquivo de cenário",
    ),
    "error.file.permission": (
        "{source}: cannot be read (permission denied)",
        "{source}: não pode ser lido (permissão negada)",
    ),
    "error.file.unreadable": (
        "{source}: cannot be read ({reason})",
        "{source}: não pode ser lido ({reason})",
    ),
    "error.file.toml": ("{source}: not valid TOML: {detail}", "{source}: TOML inválido: {detail}"),
    "error.file.not_text": (
        "{source}: not a text file (a scenario is UTF-8 text)",
        "{source}: não é um arquivo de texto (um cenário é texto UTF-8)",
    ),
    "error.file.too_large": (
        "{source}: larger than {limit} KB; a scenario file is a few kilobytes of TOML",
        "{source}: maior que {limit} KB; um arquivo de cenário tem poucos kilobytes de TOML",
    ),
    "error.file.too_deep": (
        "{source}: tables nested too deeply",
        "{source}: tabelas aninhadas demais",
    ),
    "error.key.unknown": (
        "{source}: unknown key {key!r}{hint}",
        "{source}: chave desconhecida {key!r}{hint}",
    ),
    "error.key.not_text": (
        "{source}: a key is dotted text like 'build.runners', got {got}",
        "{source}: uma chave é um texto com pontos como 'build.runners', veio {got}",
    ),
    "error.key.missing": ("{source}: key {key!r} is missing", "{source}: falta a chave {key!r}"),
    "error.key.problem": (
        "{source}: key {key!r}: {problem}{got}",
        "{source}: chave {key!r}: {problem}{got}",
    ),
    # what is wrong with a value (a pydantic error type, or cdsim.<name> of the schema)
    "error.value.at_least": ("must be at least {limit}", "deve ser pelo menos {limit}"),
    "error.value.more_than": ("must be more than {limit}", "deve ser maior que {limit}"),
    "error.value.at_most": ("must be at most {limit}", "deve ser no máximo {limit}"),
    "error.value.less_than": ("must be less than {limit}", "deve ser menor que {limit}"),
    "error.value.finite": (
        "must be a finite number (not inf or nan)",
        "deve ser um número finito (não inf nem nan)",
    ),
    "error.value.whole_number": ("must be a whole number", "deve ser um número inteiro"),
    "error.value.number": ("must be a number", "deve ser um número"),
    "error.value.text": ("must be text in quotes", "deve ser um texto entre aspas"),
    "error.value.bool": ("must be true or false", "deve ser true ou false"),
    "error.value.list": ('must be a list like ["a", "b"]', 'deve ser uma lista como ["a", "b"]'),
    "error.value.too_short": (
        "must list at least one value",
        "deve listar pelo menos um valor",
    ),
    "error.value.too_long": (
        "must list at most {limit} values",
        "deve listar no máximo {limit} valores",
    ),
    "error.value.text_too_long": (
        "must be at most {limit} characters long",
        "deve ter no máximo {limit} caracteres",
    ),
    "error.value.one_of": ("must be one of: {choices}", "deve ser um de: {choices}"),
    "error.value.table": (
        "must be a table of keys, such as {example}",
        "deve ser uma tabela de chaves, como {example}",
    ),
    "error.value.duration": (
        'must be a duration, like { dist = "fixed", mean_minutes = 5 }',
        'deve ser uma duração, como { dist = "fixed", mean_minutes = 5 }',
    ),
    "error.value.invalid": ("is not a valid value here", "não é um valor válido aqui"),
    "error.value.one_mean": (
        "give exactly one of mean_minutes, mean_hours, mean_days",
        "dê exatamente um de mean_minutes, mean_hours, mean_days",
    ),
    "error.value.one_mean_several": (
        "give exactly one of mean_minutes, mean_hours, mean_days (got {given})",
        "dê exatamente um de mean_minutes, mean_hours, mean_days (veio {given})",
    ),
    "error.value.needs_cv": (
        "a {dist} duration needs cv (coefficient of variation, e.g. 0.5)",
        "uma duração {dist} precisa de cv (coeficiente de variação, por exemplo 0.5)",
    ),
    "error.value.cv_not_used": (
        "cv applies to lognormal and gamma only, not to {dist}",
        "cv vale só para lognormal e gamma, não para {dist}",
    ),
    "error.value.cv_tiny": (
        "must be 0 (no spread) or at least {limit}",
        "deve ser 0 (sem variação) ou pelo menos {limit}",
    ),
    "error.value.work_hours": (
        "expected 'HH:MM-HH:MM' (ending after it starts) or '24x7'",
        "esperado 'HH:MM-HH:MM' (terminando depois de começar) ou '24x7'",
    ),
    "error.value.weekly_time": (
        "expected a weekday and a time like 'tue 10:00'",
        "esperado um dia da semana e uma hora como 'tue 10:00'",
    ),
    "error.value.warmup": (
        "warmup_days ({warmup}) must be shorter than days ({days})",
        "warmup_days ({warmup}) deve ser menor que days ({days})",
    ),
    "error.value.board_outside": (
        "approval.board_times: {time!r} is outside the working calendar ({days}, {hours}); "
        "a change board is people and meets in working hours",
        "approval.board_times: {time!r} está fora do calendário de trabalho ({days}, "
        "{hours}); um comitê de mudanças é gente e se reúne no horário de trabalho",
    ),
    # errors: arguments of the Python functions (cdsim.simulate, compare, sweep...)
    "error.argument.mapping": (
        "{function}() takes a mapping of dotted keys to values, like {{'build.runners': 3}}; "
        "got {got}",
        "{function}() recebe um mapeamento de chaves com pontos para valores, como "
        "{{'build.runners': 3}}; veio {got}",
    ),
    "error.argument.scenario": (
        "{function}() takes a Scenario (from cdsim.load_scenario), got {got}",
        "{function}() recebe um Scenario (de cdsim.load_scenario), veio {got}",
    ),
    "error.argument.count": (
        "{name} must be at least {minimum}, as a whole number; got {got}",
        "{name} deve ser pelo menos {minimum}, como número inteiro; veio {got}",
    ),
    "error.argument.seed": (
        "{name} must be a whole number >= 0, got {got}",
        "{name} deve ser um número inteiro >= 0, veio {got}",
    ),
    "error.argument.jobs": (
        "jobs must be None (every core) or a whole number of at least 1, got {got}",
        "jobs deve ser None (todos os núcleos) ou um número inteiro de pelo menos 1, veio {got}",
    ),
    "error.argument.band_source": (
        "band_source must be one of: {allowed}; got {got}",
        "band_source deve ser um de: {allowed}; veio {got}",
    ),
    "error.argument.progress": (
        "progress must be None or a function called as progress(done, total), got {got}",
        "progress deve ser None ou uma função chamada como progress(done, total), veio {got}",
    ),
    "error.argument.practices_text": (
        "practices must be a list of names, like [{got}], not the text {got}",
        "practices deve ser uma lista de nomes, como [{got}], não o texto {got}",
    ),
    "error.argument.practices_type": (
        "practices must be a list of practice names, got {got}",
        "practices deve ser uma lista de nomes de práticas, veio {got}",
    ),
    "error.argument.practice_unknown": (
        "unknown practice {got}; expected one of: {allowed}",
        "prática desconhecida {got}; esperado um de: {allowed}",
    ),
    "error.argument.no_practice": (
        "choose at least one practice",
        "escolha pelo menos uma prática",
    ),
    "error.argument.max_changes": (
        "max_changes must be None (the limit of docs/reliability.md) or a whole number of at "
        "least 1, got {got}",
        "max_changes deve ser None (o limite de docs/reliability.md) ou um número inteiro de "
        "pelo menos 1, veio {got}",
    ),
    "error.argument.env_max_changes": (
        "the environment variable CDSIM_MAX_CHANGES must be a whole number of at least 1, "
        "got {got}",
        "a variável de ambiente CDSIM_MAX_CHANGES deve ser um número inteiro de pelo menos 1, "
        "veio {got}",
    ),
    "error.sweep.vary_type": (
        "vary must be a mapping of dotted keys to lists of values, like "
        "{{'build.runners': [1, 2, 4]}}; got {got}",
        "vary deve ser um mapeamento de chaves com pontos para listas de valores, como "
        "{{'build.runners': [1, 2, 4]}}; veio {got}",
    ),
    "error.sweep.no_key": ("give at least one key to vary", "dê pelo menos uma chave para variar"),
    "error.sweep.no_values": (
        "vary {key!r}: give at least one value to try",
        "vary {key!r}: dê pelo menos um valor para testar",
    ),
    "error.sweep.values_type": (
        "vary {key!r}: give a list of values, like [1, 2, 4], not {got}",
        "vary {key!r}: dê uma lista de valores, como [1, 2, 4], não {got}",
    ),
    "error.sweep.one_field": (
        "vary one value at a time: {key!r} got {got}; vary a single field, such as "
        "'{key}.mean_hours'",
        "varie um valor por vez: {key!r} recebeu {got}; varie um único campo, como "
        "'{key}.mean_hours'",
    ),
    # errors: too much work (cdsim.workload); numbers are grouped by spaces: 26 400 000
    "error.workload.run": (
        "{source}: one {practice} run would be worth about {work} changes of work ({cause}), "
        "more than one run may ({run_limit}: a run keeps its changes in memory and runs on "
        "one core). To fix it: {fix}; {how}",
        "{source}: uma execução de {practice} equivaleria a cerca de {work} mudanças de "
        "trabalho ({cause}), mais do que uma execução pode ({run_limit}: uma execução guarda "
        "suas mudanças na memória e roda num só núcleo). Para resolver: {fix}; {how}",
    ),
    "error.workload.total": (
        "this {what} would be worth about {work} changes of work in {runs} runs (the biggest "
        "run: {cause}), more than the limit of {limit} (about {minutes} minutes of one core). "
        "To fix it: use fewer replications or fewer values to vary, or {fix}; {how}",
        "este {what} equivaleria a cerca de {work} mudanças de trabalho em {runs} execuções "
        "(a maior execução: {cause}), mais que o limite de {limit} (cerca de {minutes} minutos de "
        "um núcleo). Para resolver: use menos replicações ou menos valores para variar, ou "
        "{fix}; {how}",
    ),
    "error.workload.runs": (
        "this {what} asks for {runs} runs: starting them alone is worth about {work} "
        "changes, more than the limit of {limit}. Use fewer replications or fewer values to "
        "vary; {how}",
        "este {what} pede {runs} execuções: só iniciá-las equivale a cerca de {work} "
        "mudanças, mais que o limite de {limit}. Use menos replicações ou menos valores para "
        "variar; {how}",
    ),
    "error.workload.how": (
        "or raise the limit with --max-changes N (command line), max_changes=N (Python) or "
        "the environment variable CDSIM_MAX_CHANGES=N",
        "ou aumente o limite com --max-changes N (linha de comando), max_changes=N (Python) "
        "ou a variável de ambiente CDSIM_MAX_CHANGES=N",
    ),
    "error.workload.fix.changes": (
        "shorten days, or use fewer developers or commits_per_day",
        "encurte days, ou use menos developers ou commits_per_day",
    ),
    "error.workload.fix.flaky": ("lower build.flaky_probability", "reduza build.flaky_probability"),
    "error.workload.fix.release": (
        "release less often (a larger release.every_days)",
        "faça releases menos frequentes (release.every_days maior)",
    ),
    "error.workload.fix.board": (
        "list fewer approval.board_times",
        "liste menos approval.board_times",
    ),
    "error.workload.why.changes": (
        "{changes} commits: {developers} developers x {commits} a day over {days} days",
        "{changes} commits: {developers} desenvolvedores x {commits} por dia em {days} dias",
    ),
    "error.workload.why.flaky": (
        "build.flaky_probability = {p}: each change is built about {builds} times",
        "build.flaky_probability = {p}: cada mudança passa por cerca de {builds} builds",
    ),
    "error.workload.why.release": (
        "release.every_days = {every}: about {cuts} release cuts",
        "release.every_days = {every}: cerca de {cuts} cortes de release",
    ),
    "error.workload.why.board": (
        "{times} change board meetings a week",
        "{times} reuniões do comitê de mudanças por semana",
    ),
    # errors: the result folder (cdsim.output); {label} is the option, like --out
    "error.output.empty": (
        "{label} is empty: name the result folder (an unset shell variable, maybe?)",
        "{label} está vazio: dê o nome da pasta de resultado (uma variável de shell vazia?)",
    ),
    "error.output.not_folder": (
        "{label} {folder!r}: exists and is not a folder",
        "{label} {folder!r}: existe e não é uma pasta",
    ),
    "error.output.parent_file": (
        "{label} {folder!r}: {path!r} is a file, not a folder",
        "{label} {folder!r}: {path!r} é um arquivo, não uma pasta",
    ),
    "error.output.dangling_link": (
        "{label} {folder!r}: is a link to {path!r}, which does not exist; create that folder, "
        "or choose another {label}",
        "{label} {folder!r}: é um link para {path!r}, que não existe; crie essa pasta, ou "
        "escolha outro {label}",
    ),
    "error.output.cannot_create": (
        "{label} {folder!r}: cannot create {path!r} ({reason})",
        "{label} {folder!r}: não é possível criar {path!r} ({reason})",
    ),
    "error.output.cannot_write_in": (
        "{label} {folder!r}: cannot write in {path!r} ({reason})",
        "{label} {folder!r}: não é possível escrever em {path!r} ({reason})",
    ),
    "error.output.cannot_write": (
        "{label} {folder!r}: cannot write in this folder ({reason})",
        "{label} {folder!r}: não é possível escrever nesta pasta ({reason})",
    ),
    "error.output.name_too_long": (
        "{label} {folder!r}: the name is too long for this file system ({reason}); choose a "
        "shorter {label}",
        "{label} {folder!r}: o nome é longo demais para este sistema de arquivos ({reason}); "
        "escolha um {label} mais curto",
    ),
    "error.output.no_space": (
        "{label} {folder!r}: the disk is full ({reason}); nothing was written and an earlier "
        "result is as it was. Free some space (--no-charts writes much less), or choose "
        "another {label}",
        "{label} {folder!r}: o disco está cheio ({reason}); nada foi escrito e um resultado "
        "anterior ficou como estava. Libere espaço (--no-charts escreve bem menos), ou "
        "escolha outro {label}",
    ),
    "error.output.failed": (
        "{label} {folder!r}: the result cannot be written ({reason}); an earlier result is "
        "as it was",
        "{label} {folder!r}: o resultado não pode ser escrito ({reason}); um resultado "
        "anterior ficou como estava",
    ),
    "error.output.move_failed": (
        "{label} {folder!r}: the result could not be moved in ({reason}); the earlier result "
        "is as it was",
        "{label} {folder!r}: o resultado não pôde ser movido para a pasta ({reason}); o "
        "resultado anterior ficou como estava",
    ),
    "error.output.conflict": (
        "{label} {folder!r}: holds {names}, which no earlier cdsim result wrote there (your "
        "own file?); cdsim does not replace it: move it away, or choose another {label}",
        "{label} {folder!r}: contém {names}, que nenhum resultado anterior do cdsim escreveu "
        "(um arquivo seu?); o cdsim não o substitui: mova-o, ou escolha outro {label}",
    ),
    "error.output.conflicts": (
        "{label} {folder!r}: holds {names}, which no earlier cdsim result wrote there (your "
        "own files?); cdsim does not replace them: move them away, or choose another {label}",
        "{label} {folder!r}: contém {names}, que nenhum resultado anterior do cdsim escreveu "
        "(arquivos seus?); o cdsim não os substitui: mova-os, ou escolha outro {label}",
    ),
    "error.output.more_names": ("{names} and {n} more", "{names} e mais {n}"),
    "error.output.format": (
        "unknown table format {got}; use one of: {allowed}",
        "formato de tabela desconhecido {got}; use um de: {allowed}",
    ),
    "error.output.parquet": (
        "--format parquet needs pyarrow or fastparquet, and neither is installed "
        "(pip install pyarrow); use --format csv",
        "--format parquet precisa de pyarrow ou fastparquet, e nenhum está instalado "
        "(pip install pyarrow); use --format csv",
    ),
    # cdsim explorer: serving the explorer as a web page (cdsim/webapp/)
    "webapp.error": ("Error: {message}", "Erro: {message}"),
    "webapp.warning": ("Warning: {message}", "Aviso: {message}"),
    "webapp.language.en": ("English", "inglês"),
    "webapp.language.pt": ("Portuguese", "português"),
    "webapp.page.title": ("cdsim explorer", "Explorador cdsim"),
    "webapp.starting": (
        "Starting the cdsim explorer: scenario {scenario}, in {language}...",
        "Iniciando o explorador cdsim: cenário {scenario}, em {language}...",
    ),
    "webapp.ready": (
        "The explorer is ready: open {url} in a browser.",
        "O explorador está pronto: abra {url} em um navegador.",
    ),
    "webapp.ready.network": (
        "On the other computers of this network, open: {urls}",
        "Nos outros computadores desta rede, abra: {urls}",
    ),
    "webapp.ready.stop": (
        "Each open page runs its own simulation. Press Ctrl-C to stop the server.",
        "Cada página aberta roda sua própria simulação. Tecle Ctrl-C para parar o servidor.",
    ),
    "webapp.network.warning": (
        "--host {host} puts the explorer on the network: anyone who can reach this computer "
        "can open it, with no password, and every open page runs its own Python kernel "
        "(about {memory} MB of memory) until it is closed{culling}. Use it on a classroom "
        "network you trust, and stop the server (Ctrl-C) after the class.",
        "--host {host} coloca o explorador na rede: qualquer pessoa que alcance este "
        "computador pode abri-lo, sem senha, e cada página aberta roda seu próprio kernel "
        "Python (cerca de {memory} MB de memória) até ser fechada{culling}. Use em uma rede "
        "de sala de aula confiável e pare o servidor (Ctrl-C) depois da aula.",
    ),
    "webapp.network.culling": (
        " or its browser has been gone for {minutes} min",
        " ou seu navegador sumir por {minutes} min",
    ),
    "webapp.stopping": (
        "Stopping the explorer and its kernels...",
        "Parando o explorador e seus kernels...",
    ),
    "webapp.stopped": ("Stopped.", "Parado."),
    "webapp.error.port_busy": (
        "port {port} is in use; choose another with --port, or leave --port out to use a free one",
        "a porta {port} está em uso; escolha outra com --port, ou omita --port para usar uma livre",
    ),
    "webapp.error.port_range": (
        "--port must be between 1 and 65535, got {port}",
        "--port deve estar entre 1 e 65535, veio {port}",
    ),
    "webapp.error.no_free_port": (
        "no free port on {host}; choose one with --port",
        "nenhuma porta livre em {host}; escolha uma com --port",
    ),
    "webapp.error.listen": (
        "cannot listen on {host} port {port}: {reason}",
        "não é possível escutar em {host} porta {port}: {reason}",
    ),
    "webapp.error.host": (
        "--host {host} is not an address of this computer ({reason}); use 127.0.0.1 (this "
        "computer only) or 0.0.0.0 (the classroom network)",
        "--host {host} não é um endereço deste computador ({reason}); use 127.0.0.1 (só este "
        "computador) ou 0.0.0.0 (a rede da sala)",
    ),
    "webapp.error.cull": (
        "--cull-idle-seconds must be 0 (never) or at least {minimum}, got {value}",
        "--cull-idle-seconds deve ser 0 (nunca) ou pelo menos {minimum}, veio {value}",
    ),
    "webapp.error.lang": (
        "unknown language {lang!r}; use one of {allowed}",
        "idioma desconhecido {lang!r}; use um de {allowed}",
    ),
    "webapp.error.missing": (
        "the explorer's web page needs {packages}; install them with: "
        'python3 -m pip install "cdsim[web]"',
        "a página web do explorador precisa de {packages}; instale com: "
        'python3 -m pip install "cdsim[web]"',
    ),
    "webapp.error.start_failed": (
        "the web server (voila) stopped while starting, with status {status}. Its last "
        "lines:\n{log}",
        "o servidor web (voila) parou durante a partida, com status {status}. Suas últimas "
        "linhas:\n{log}",
    ),
    "webapp.error.start_timeout": (
        "the web server (voila) did not start within {seconds} s. Its last lines:\n{log}",
        "o servidor web (voila) não iniciou em {seconds} s. Suas últimas linhas:\n{log}",
    ),
    "webapp.error.died": (
        "the web server (voila) stopped by itself, with status {status}. Its last lines:\n{log}",
        "o servidor web (voila) parou sozinho, com status {status}. Suas últimas linhas:\n{log}",
    ),
    # help texts of the click command (cdsim/cli/explorer.py)
    "webapp.help.command": (
        "Serve the classroom explorer as a web page: sliders, the DORA scorecard and the "
        "charts, no code. SCENARIO is a built-in name or a .toml file (default: classroom). "
        "Stop it with Ctrl-C.",
        "Serve o explorador da sala de aula como página web: controles, o placar DORA e os "
        "gráficos, sem código. SCENARIO é um nome embutido ou um arquivo .toml (padrão: "
        "classroom). Pare com Ctrl-C.",
    ),
    "webapp.help.port": (
        "Port to listen on (default: 8866, or the next free one).",
        "Porta em que escutar (padrão: 8866, ou a próxima livre).",
    ),
    "webapp.help.lang": (
        "Language the page opens in (a button on the page switches it).",
        "Idioma em que a página abre (um botão na página o troca).",
    ),
    "webapp.help.host": (
        "Address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (every computer "
        "of the network can open it; each page costs one kernel, about 200 MB).",
        "Endereço em que escutar: 127.0.0.1 (só este computador) ou 0.0.0.0 (todo "
        "computador da rede pode abrir; cada página custa um kernel, cerca de 200 MB).",
    ),
    "webapp.help.cull": (
        "Free the kernel of a page whose browser went away after this many seconds without "
        "activity (0: never). An open page is never stopped.",
        "Libera o kernel de uma página cujo navegador sumiu após tantos segundos sem "
        "atividade (0: nunca). Uma página aberta nunca é parada.",
    ),
}
