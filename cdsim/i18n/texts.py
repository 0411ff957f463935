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
    "metric.time_to_restore_median_hours.short": ("time to restore", "tempo p/ restaurar"),
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
    "unit.per_day": ("/day", "/dia"),
    # generic words
    "na": ("n/a", "s/d"),
    "ci95": ("95% CI", "IC 95%"),
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
        "Values: mean of {n} replications, 95% CI in brackets.",
        "Valores: média de {n} replicações, IC 95% entre colchetes.",
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
        "Change failure rate, with 95% CI",
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
    "chart.breakdown.hours.title": ("Mean hours per change", "Horas médias por mudança"),
    "chart.breakdown.share.title": ("Share of lead time", "Fração do lead time"),
    "chart.breakdown.x_hours": ("Mean time per change (hours)", "Tempo médio por mudança (horas)"),
    "chart.breakdown.x_share": ("Share of lead time (%)", "Fração do lead time (%)"),
    "chart.breakdown.total": ("total {value}", "total {value}"),
    "chart.flow.title": ("Flow of changes over time", "Fluxo das mudanças no tempo"),
    "chart.cfd.title": ("Cumulative flow", "Fluxo cumulativo"),
    "chart.cfd.x": ("Time (days)", "Tempo (dias)"),
    "chart.cfd.y": ("Changes (count)", "Mudanças (quantidade)"),
    "chart.timeline.title": ("First {n} changes", "Primeiras {n} mudanças"),
    "chart.timeline.x": ("Time (days)", "Tempo (dias)"),
    "chart.timeline.x_hours": ("Hours since first commit", "Horas desde o 1º commit"),
    "chart.timeline.y": ("Change (commit order)", "Mudança (ordem de commit)"),
    "chart.scorecard.title": ("DORA scorecard", "Placar DORA"),
    "chart.scorecard.note": (
        "Cell colour: DORA performance band.",
        "Cor da célula: faixa de desempenho DORA.",
    ),
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
